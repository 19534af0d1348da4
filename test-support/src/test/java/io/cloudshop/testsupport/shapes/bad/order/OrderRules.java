package io.cloudshop.testsupport.shapes.bad.order;

import org.springframework.http.HttpStatus;

/** Breaks a rule: the domain answers with an HTTP status. */
class OrderRules {

    HttpStatus check(Order order) {
        return order.id() > 0 ? HttpStatus.OK : HttpStatus.CONFLICT;
    }
}
