package io.transferas2.camel.springboot;

import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;

import io.transferas2.camel.TransferAs2Component;

/**
 * Applies {@code camel.component.transfer-as2.*} to the transfer-as2 component when Camel creates it, the way Camel's
 * own starters configure theirs: unknown options fail the start, {@code #bean:name} references and Camel property
 * placeholders work. {@code camel.component.transfer-as2.enabled=false} (or
 * {@code camel.component.transfer-as2.customizer.enabled=false}) turns it off.
 */
@AutoConfiguration(after = { CamelAutoConfiguration.class, TransferAs2ComponentConverter.class })
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ ComponentConfigurationProperties.class, TransferAs2ComponentConfiguration.class })
@ConditionalOnHierarchicalProperties({ "camel.component", "camel.component.transfer-as2" })
public class TransferAs2ComponentAutoConfiguration {

    @Autowired
    private ApplicationContext applicationContext;
    private final CamelContext camelContext;
    @Autowired
    private TransferAs2ComponentConfiguration configuration;

    public TransferAs2ComponentAutoConfiguration(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    @Lazy
    @Bean
    public ComponentCustomizer configureTransferAs2Component() {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                CamelPropertiesHelper.copyProperties(camelContext, configuration, target);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return HierarchicalPropertiesEvaluator.evaluate(applicationContext, "camel.component.customizer",
                        "camel.component.transfer-as2.customizer") && target instanceof TransferAs2Component;
            }
        };
    }
}
