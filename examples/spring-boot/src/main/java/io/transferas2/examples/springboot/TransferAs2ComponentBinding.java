package io.transferas2.examples.springboot;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.support.PropertyBindingSupport;
import org.apache.camel.util.StringHelper;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import io.transferas2.camel.TransferAs2Component;

/**
 * Applies {@code camel.component.transfer-as2.*} from {@code application.properties} (or any Spring property
 * source) to the component. Camel Main and JBang do this for every component; under Spring Boot only components
 * with a {@code -starter} get it, and transfer-as2 has none, so without this bean those properties are silently
 * ignored. Options are the component's (kebab-case or camelCase, {@code #bean} references and Camel placeholders
 * work); an unknown option fails the start.
 */
@Configuration(proxyBeanMethods = false)
public class TransferAs2ComponentBinding {
    static final String PREFIX = "camel.component.transfer-as2";

    @Bean("transfer-as2")
    TransferAs2Component transferAs2Component(CamelContext camelContext, Environment environment) {
        TransferAs2Component component = new TransferAs2Component();
        component.setCamelContext(camelContext);
        Map<String, Object> options = new LinkedHashMap<>();
        Binder.get(environment).bind(PREFIX, Bindable.mapOf(String.class, String.class))
                .ifBound(bound -> bound.forEach((name, value) -> options.put(StringHelper.dashToCamelCase(name),
                        value)));
        PropertyBindingSupport.build().withCamelContext(camelContext).withTarget(component)
                .withConfigurer(component.getComponentPropertyConfigurer()).withIgnoreCase(true)
                .withMandatory(true).withProperties(options).bind();
        return component;
    }
}
