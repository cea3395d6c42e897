package org.hotline12345;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The 12345 hotline platform: one deployable, one PostgreSQL, modules verified by Spring Modulith.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Modulithic(sharedModules = "shared")
public class HotlineApplication {

	public static void main(String[] args) {
		SpringApplication.run(HotlineApplication.class, args);
	}

}
