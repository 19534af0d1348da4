package io.cloudshop.testsupport.shapes.good.order;

public record Order(long id) {}
