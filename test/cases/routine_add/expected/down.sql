-- schemac migration 0001_create_view_item_net_and_create_function_net_price (down) for database test
-- schema before: sha256:e4ea6564f42f579258e595cebc3053905f4a7c6f0cb95205a6b5c843eaec0fea
-- schema after:  sha256:8c333f3821bcc6c4054e4122cd876644b064420f70a4b4aa9a6ccdc1b5695000
-- costs as predicted for MySQL 8.0.29

-- undo step 3: create view item_net
DROP VIEW `item_net`;

-- undo step 2: create function net_price
DROP FUNCTION `net_price`;

-- undo step 1: create procedure discount
DROP PROCEDURE `discount`;
