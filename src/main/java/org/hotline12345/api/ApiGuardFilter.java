package org.hotline12345.api;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.hotline12345.api.ApiProblems.Kind;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * After authentication: throttles each caller (429 with {@code Retry-After}) and refuses bodies larger than the
 * configured limit (400) before anything reads them. A body sent without a length is cut off at the limit while it is
 * read.
 */
class ApiGuardFilter extends OncePerRequestFilter {

	private final ApiRateLimiter limiter;

	private final long maxBytes;

	private final ApiProblems problems;

	ApiGuardFilter(ApiRateLimiter limiter, long maxBytes, ApiProblems problems) {
		this.limiter = limiter;
		this.maxBytes = maxBytes;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.isAuthenticated()
				&& !"anonymousUser".equals(authentication.getPrincipal())) {
			Object caller = request.getAttribute(ApiTokenAuthenticationFilter.CALLER);
			String key = (caller != null) ? caller.toString() : "account:" + authentication.getName();
			ApiRateLimiter.Decision decision = this.limiter.tryAcquire(key);
			if (!decision.allowed()) {
				response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(decision.retryAfterSeconds()));
				this.problems.write(request, response,
						this.problems.problem(Kind.THROTTLED, "api.throttled", String.valueOf(decision.retryAfterSeconds())));
				return;
			}
		}
		long length = request.getContentLengthLong();
		if (length > this.maxBytes) {
			this.problems.write(request, response, this.problems.problem(Kind.BAD_REQUEST, "api.bodyTooLarge",
					String.valueOf(this.maxBytes / 1024)));
			return;
		}
		chain.doFilter((length < 0) ? new CappedRequest(request, this.maxBytes) : request, response);
	}

	/** Thrown while reading a body that grows past the limit; the error handler answers 400. */
	static final class BodyTooLargeException extends IOException {

		BodyTooLargeException() {
			super("Request body too large");
		}

	}

	private static final class CappedRequest extends HttpServletRequestWrapper {

		private final long maxBytes;

		private ServletInputStream stream;

		CappedRequest(HttpServletRequest request, long maxBytes) {
			super(request);
			this.maxBytes = maxBytes;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.stream == null) {
				ServletInputStream in = super.getInputStream();
				this.stream = new ServletInputStream() {

					private long read;

					@Override
					public int read() throws IOException {
						int b = in.read();
						if (b >= 0) {
							count(1);
						}
						return b;
					}

					@Override
					public int read(byte[] buffer, int offset, int length) throws IOException {
						int n = in.read(buffer, offset, length);
						if (n > 0) {
							count(n);
						}
						return n;
					}

					private void count(int n) throws IOException {
						this.read += n;
						if (this.read > CappedRequest.this.maxBytes) {
							throw new BodyTooLargeException();
						}
					}

					@Override
					public boolean isFinished() {
						return in.isFinished();
					}

					@Override
					public boolean isReady() {
						return in.isReady();
					}

					@Override
					public void setReadListener(ReadListener listener) {
						in.setReadListener(listener);
					}

				};
			}
			return this.stream;
		}

	}

}
