-- The catalogue the pricing step reads; the load generator orders from these SKUs.
INSERT INTO product (sku, name, price) VALUES
	('BEN-001', 'Stopwatch', 19.90),
	('BEN-002', 'Metronome', 34.50),
	('BEN-003', 'Hourglass, 3 minutes', 12.00),
	('BEN-004', 'Hourglass, 30 minutes', 24.00),
	('CLK-001', 'Wall clock', 45.00),
	('CLK-002', 'Alarm clock', 27.80),
	('CLK-003', 'Chess clock', 59.00),
	('GAU-001', 'Pressure gauge', 88.25),
	('GAU-002', 'Thermometer', 9.95),
	('TAP-001', 'Tape measure, 5 m', 7.49),
	('TAP-002', 'Calipers', 23.40),
	('TAP-003', 'Spirit level', 15.75);
