package io.cloudshop.payments.wallet;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WalletSettings.class)
class WalletConfiguration {}
