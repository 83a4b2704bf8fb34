package io.transferas2.examples.springboot;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application under test, on Tomcat at {@link StationSetup#port} on 127.0.0.1 with the setup's registry. Test
 * classes extend this so that they share one application context (Spring caches it by configuration).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
abstract class ApplicationTest {
    final StationSetup setup = StationSetup.get();

    @DynamicPropertySource
    static void station(DynamicPropertyRegistry registry) {
        StationSetup.properties(registry);
    }
}
