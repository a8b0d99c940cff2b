package org.cwh.security;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * With {@code CWH_AUTH=off}, marks every response {@code Warning: 199 cwh "authentication is off"} so nobody mistakes
 * such a node for a protected one. Mounted on {@code /*} by {@link SecurityConfig} only then.
 */
final class AuthOffWarningFilter implements Filter {

	static final String WARNING = "199 cwh \"authentication is off\"";

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		((HttpServletResponse) response).addHeader("Warning", WARNING);
		chain.doFilter(request, response);
	}
}
