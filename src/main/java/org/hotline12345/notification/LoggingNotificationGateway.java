package org.hotline12345.notification;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Until a deployment plugs in its SMS gateway: the alert is recorded ({@code notification_sent}) and logged. */
@Configuration(proxyBeanMethods = false)
class LoggingNotificationGateway {

	private static final Log logger = LogFactory.getLog(LoggingNotificationGateway.class);

	@Bean
	@ConditionalOnMissingBean
	NotificationGateway notificationGateway() {
		return (alert) -> logger.info("Unit alert " + alert.kind() + " for ticket " + alert.ticketNo() + " to unit "
				+ ((alert.unitId() != null) ? alert.unitId() : "centre"));
	}

}
