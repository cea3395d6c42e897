package org.hotline12345.portal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.hotline12345.ticket.RequestType;

/** What the citizen fills in on the portal. */
record PortalForm(@NotNull(message = "{portal.error.requestType}") RequestType requestType,
		@NotBlank(message = "{portal.error.category}") String categoryCode,
		@NotBlank(message = "{portal.error.description}") @Size(min = 10, max = 2000,
				message = "{portal.error.descriptionSize}") String description,
		@NotBlank(message = "{portal.error.district}") String districtCode,
		@NotBlank(message = "{portal.error.address}") @Size(max = 200, message = "{portal.error.addressSize}") String address,
		@NotBlank(message = "{portal.error.phone}") String phone,
		@Size(max = 32, message = "{portal.error.nameSize}") String name, Boolean confidential, String answer,
		String nonce) {

	static PortalForm empty() {
		return new PortalForm(null, null, null, null, null, null, null, Boolean.FALSE, null, null);
	}

}
