-- schemac migration 0001_change_function_net_price_and_change_procedure (up) for database test
-- schema before: sha256:8c333f3821bcc6c4054e4122cd876644b064420f70a4b4aa9a6ccdc1b5695000
-- schema after:  sha256:f307fa0c9bb59c230893070223f70ebb5fdcdd72042920feb83a9aafc93fe265
-- costs as predicted for MySQL 8.0.29

-- step 1: drop procedure discount (to create it again changed)
DROP PROCEDURE `discount`;

-- step 2: drop function net_price (to create it again changed)
DROP FUNCTION `net_price`;

-- step 3: create procedure discount (changed)
DELIMITER ;;
CREATE PROCEDURE `discount`(IN p_id INT, IN p_pct TINYINT)
MODIFIES SQL DATA
COMMENT 'lowers a price'
BEGIN
  UPDATE item SET price = price * (100 - p_pct) / 100 WHERE id = p_id;
  SELECT price FROM item WHERE id = p_id;
END;;
DELIMITER ;

-- step 4: create function net_price (changed)
CREATE FUNCTION `net_price`(p DECIMAL(10,2))
RETURNS DECIMAL(10,2)
DETERMINISTIC
NO SQL
RETURN p * 0.75;
