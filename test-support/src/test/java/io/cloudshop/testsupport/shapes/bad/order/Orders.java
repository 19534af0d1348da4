package io.cloudshop.testsupport.shapes.bad.order;

import org.springframework.data.repository.Repository;

public interface Orders extends Repository<Order, Long> {}
