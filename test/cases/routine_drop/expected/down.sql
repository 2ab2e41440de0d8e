-- schemac migration 0001_drop_view_item_net_and_drop_function_net_price (down) for database test
-- schema before: sha256:8c333f3821bcc6c4054e4122cd876644b064420f70a4b4aa9a6ccdc1b5695000
-- schema after:  sha256:e4ea6564f42f579258e595cebc3053905f4a7c6f0cb95205a6b5c843eaec0fea
-- costs as predicted for MySQL 8.0.29

-- undo step 3: drop function net_price
CREATE FUNCTION `net_price`(p DECIMAL(10,2))
RETURNS DECIMAL(10,2)
DETERMINISTIC
NO SQL
RETURN p * 0.8;

-- undo step 2: drop procedure discount
DELIMITER ;;
CREATE PROCEDURE `discount`(IN p_id INT, IN p_pct INT)
MODIFIES SQL DATA
COMMENT 'lowers a price'
BEGIN
  UPDATE item SET price = price * (100 - p_pct) / 100 WHERE id = p_id;
  SELECT price FROM item WHERE id = p_id;
END;;
DELIMITER ;

-- undo step 1: drop view item_net
CREATE VIEW `item_net` AS
SELECT
  id,
  net_price (price) AS net
FROM
  item;
