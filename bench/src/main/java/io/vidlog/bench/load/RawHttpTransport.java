package io.vidlog.bench.load;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * HTTP/1.1 over one kept-alive socket, written for the few request shapes of the benchmark: it spends a fraction of
 * the CPU of {@link java.net.http.HttpClient}, which matters when the load generator shares two cores with the
 * system under test. It understands {@code Content-Length} and chunked responses and reconnects after
 * {@code Connection: close}.
 */
public final class RawHttpTransport implements Transport {

    private final String host;
    private final int port;
    private final byte[] hostHeader;
    private final ByteArrayOutputStream request = new ByteArrayOutputStream(1024);
    private final ByteArrayOutputStream body = new ByteArrayOutputStream(256);
    private final StringBuilder line = new StringBuilder(128);
    private Socket socket;
    private OutputStream out;
    private InputStream in;

    public RawHttpTransport(String host, int port) {
        this.host = host;
        this.port = port;
        this.hostHeader = ("Host: " + host + ":" + port + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public int send(String method, String path, String bearerToken, byte[] requestBody) throws IOException {
        if (socket == null) {
            connect();
        }
        request.reset();
        ascii(method + " " + path + " HTTP/1.1\r\n");
        request.write(hostHeader);
        if (bearerToken != null) {
            ascii("Authorization: Bearer " + bearerToken + "\r\n");
        }
        if (requestBody != null) {
            ascii("Content-Type: application/json\r\nContent-Length: " + requestBody.length + "\r\n\r\n");
            request.write(requestBody);
        } else if (!method.equals("GET") && !method.equals("DELETE")) {
            ascii("Content-Length: 0\r\n\r\n");
        } else {
            ascii("\r\n");
        }
        try {
            request.writeTo(out);
            out.flush();
            return readResponse();
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private int readResponse() throws IOException {
        String statusLine = readLine();
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long contentLength = -1;
        boolean chunked = false;
        boolean closeAfter = false;
        for (String header = readLine(); !header.isEmpty(); header = readLine()) {
            int colon = header.indexOf(':');
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> contentLength = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> closeAfter = value.equalsIgnoreCase("close");
                default -> {
                }
            }
        }
        body.reset();
        if (chunked) {
            for (long size = Long.parseLong(readLine().split(";")[0].trim(), 16); size > 0;
                 size = Long.parseLong(readLine().split(";")[0].trim(), 16)) {
                copy(size);
                readLine();
            }
            for (String trailer = readLine(); !trailer.isEmpty(); trailer = readLine()) {
                // trailers are not used
            }
        } else if (contentLength > 0) {
            copy(contentLength);
        }
        if (closeAfter) {
            close();
        }
        return status;
    }

    private void copy(long bytes) throws IOException {
        for (long i = 0; i < bytes; i++) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("Connection closed inside a response body");
            }
            body.write(b);
        }
    }

    private String readLine() throws IOException {
        line.setLength(0);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("Connection closed by the server");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    private void ascii(String text) {
        request.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
    }

    private void connect() throws IOException {
        socket = new Socket(host, port);
        socket.setTcpNoDelay(true);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream(), 8192);
    }

    @Override
    public String lastBody() {
        return body.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            Socket closing = socket;
            socket = null;
            closing.close();
        }
    }
}
