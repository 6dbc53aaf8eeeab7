-- The shop's tables, created in the embedded H2 database at startup (spring.sql.init runs this for embedded databases).
CREATE TABLE product (
	sku VARCHAR(16) PRIMARY KEY,
	name VARCHAR(100) NOT NULL,
	price DECIMAL(10, 2) NOT NULL
);

CREATE TABLE customer_order (
	id BIGINT AUTO_INCREMENT PRIMARY KEY,
	customer VARCHAR(100) NOT NULL,
	item_count INT NOT NULL,
	subtotal DECIMAL(12, 2) NOT NULL,
	discount DECIMAL(12, 2) NOT NULL,
	total DECIMAL(12, 2) NOT NULL,
	coupon VARCHAR(16),
	created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE order_line (
	order_id BIGINT NOT NULL REFERENCES customer_order (id),
	sku VARCHAR(16) NOT NULL REFERENCES product (sku),
	quantity INT NOT NULL,
	unit_price DECIMAL(10, 2) NOT NULL,
	PRIMARY KEY (order_id, sku)
);

-- An outbox: the notify step records the message; a mailer would send it later.
CREATE TABLE notification (
	id BIGINT AUTO_INCREMENT PRIMARY KEY,
	order_id BIGINT NOT NULL REFERENCES customer_order (id),
	recipient VARCHAR(100) NOT NULL,
	channel VARCHAR(16) NOT NULL,
	message VARCHAR(500) NOT NULL,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
