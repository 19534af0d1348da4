package io.cloudshop.testsupport.shapes.good.order;

import org.springframework.data.repository.Repository;

interface Orders extends Repository<Order, Long> {}
