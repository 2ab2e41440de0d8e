-- schemac migration 0001_drop_view_item_net_and_drop_function_net_price (up) for database test
-- schema before: sha256:8c333f3821bcc6c4054e4122cd876644b064420f70a4b4aa9a6ccdc1b5695000
-- schema after:  sha256:e4ea6564f42f579258e595cebc3053905f4a7c6f0cb95205a6b5c843eaec0fea
-- costs as predicted for MySQL 8.0.29

-- step 1: drop view item_net
DROP VIEW `item_net`;

-- step 2: drop procedure discount
DROP PROCEDURE `discount`;

-- step 3: drop function net_price
DROP FUNCTION `net_price`;
