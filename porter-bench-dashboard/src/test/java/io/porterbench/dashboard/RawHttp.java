package io.porterbench.dashboard;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Sends requests byte for byte as written (no client-side normalization of {@code ..} or
 * percent escapes), so that path traversal attempts reach the server as an attacker would
 * send them.
 */
public final class RawHttp {

	private RawHttp() {
	}

	/**
	 * Sends a request.
	 * @param port the local port
	 * @param method the method
	 * @param target the request target, exactly as sent
	 * @return the response
	 */
	public static Response send(int port, String method, String target) {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			String request = method + " " + target + " HTTP/1.0\r\nHost: localhost\r\nAccept: */*\r\n"
					+ "Content-Length: 0\r\nConnection: close\r\n\r\n";
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			in.transferTo(bytes);
			String text = bytes.toString(StandardCharsets.UTF_8);
			int status = Integer.parseInt(text.substring(9, 12));
			int bodyStart = text.indexOf("\r\n\r\n");
			String head = (bodyStart >= 0) ? text.substring(0, bodyStart) : text;
			String body = (bodyStart >= 0) ? text.substring(bodyStart + 4) : "";
			return new Response(status, head, body);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Sends a GET request.
	 * @param port the local port
	 * @param target the request target, exactly as sent
	 * @return the response
	 */
	public static Response get(int port, String target) {
		return send(port, "GET", target);
	}

	/**
	 * A response.
	 *
	 * @param status the status code
	 * @param head the status line and headers
	 * @param body the body (HTTP/1.0 responses are never chunked)
	 */
	public record Response(int status, String head, String body) {
	}

}
