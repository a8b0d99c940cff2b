package org.cwh.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EndpointPolicyTest {

	private final EndpointPolicy httpsOnly =
			new EndpointPolicy(List.of("hooks.example.org", "https://partner.example.net/cwh"), false);
	private final EndpointPolicy withHttp = new EndpointPolicy(List.of("localhost"), true);

	@ParameterizedTest
	@CsvSource({
		"https://hooks.example.org/anything, true",
		"https://HOOKS.example.org:8443/x?y=1, true",
		"http://hooks.example.org/anything, false",
		"https://hooks.example.org.evil.net/, false",
		"https://evil.net/hooks.example.org, false",
		"https://user@hooks.example.org/, false",
		"https://hooks.example.org/#frag, false",
		"https://partner.example.net/cwh, true",
		"https://partner.example.net/cwh/inbox, true",
		"https://partner.example.net/cwhx, false",
		"https://partner.example.net/other, false",
		"https://partner.example.net:444/cwh, false",
		"https://partner.example.net/cwh/../admin, false",
		"http://169.254.169.254/latest/meta-data, false",
		"ftp://hooks.example.org/, false",
		"hooks.example.org, false",
		"'', false"})
	void allowsOnlyListedHttpsEndpoints(String endpoint, boolean allowed) {
		assertThat(httpsOnly.refusal(endpoint)).as(endpoint).matches(r -> r.isEmpty() == allowed);
	}

	@ParameterizedTest
	@CsvSource({
		"http://localhost:8080/hook, true",
		"https://localhost/hook, true",
		"http://127.0.0.1/hook, false",
		"http://localhost.evil.net/hook, false"})
	void httpOnlyWhenAllowed(String endpoint, boolean allowed) {
		assertThat(withHttp.refusal(endpoint)).as(endpoint).matches(r -> r.isEmpty() == allowed);
	}

	@ParameterizedTest
	@CsvSource({"hooks.example.org, true", "https://a.org/x, true", "http://a.org, true", "a.org/x, false",
		"ftp://a.org, false", "https://, false"})
	void allowListEntries(String entry, boolean valid) {
		assertThat(EndpointPolicy.isValidEntry(entry)).as(entry).isEqualTo(valid);
	}
}
