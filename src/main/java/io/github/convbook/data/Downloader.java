package io.github.convbook.data;

import io.github.convbook.CellInterruptedException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Downloads a file into Keras's cache, as Keras's {@code get_file} does: the file only appears under its name once
 * it is complete and its SHA-256 is the expected one, so a failed or interrupted download never leaves a file that
 * a later run would read.
 */
final class Downloader {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(20);

    private Downloader() {
    }

    /**
     * Downloads {@code url} to {@code target}, checking its SHA-256 against {@code sha256} (hex), with a progress
     * bar on {@code progress}.
     *
     * @throws IOException      when the server cannot be reached or does not answer 200 OK (nothing is written)
     * @throws DatasetException when the transfer is cut short or the checksum differs (nothing is left behind)
     */
    static void download(URI url, Path target, String sha256, PrintStream progress) throws IOException {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(HttpRequest.newBuilder(url).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while connecting to " + url, e);
        } catch (IOException e) {
            // HttpClient's ConnectException often has no message: say which server and why.
            throw new IOException("cannot reach " + url.getHost() + ":" + port(url) + " (" + reason(e) + ")", e);
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException(url + " answered HTTP " + response.statusCode() + ", expected 200");
            }
            long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            Files.createDirectories(target.getParent());
            // A temporary file beside the target, so the final rename stays on one file system and is atomic.
            // Not Files.createTempFile: its 0600 permissions would stay on the dataset; a new file gets the umask's.
            Path partial = target.resolveSibling(target.getFileName() + "." + UUID.randomUUID() + ".part");
            try {
                progress.println("Downloading " + url);
                ProgressBar bar = new ProgressBar(target.getFileName().toString(), length, progress);
                String actual = copy(body, partial, length, bar, url);
                if (!actual.equalsIgnoreCase(sha256)) {
                    throw new DatasetException("The download of " + url + " is corrupt: its SHA-256 is " + actual
                            + ", expected " + sha256
                            + ". Nothing was saved; try again later, or get the data with `bash data/fetch.sh`.");
                }
                move(partial, target);
            } finally {
                Files.deleteIfExists(partial);
            }
        }
    }

    /** Copies the body to {@code file}, returning its SHA-256; a transfer that ends early is reported as such. */
    private static String copy(InputStream body, Path file, long length, ProgressBar bar, URI url) throws IOException {
        MessageDigest digest = sha256();
        long received = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = body.read(buffer)) != -1) {
                long got = received;
                // an interrupted cell stops the download here; the partial file is deleted by the caller
                CellInterruptedException.checkpoint(() -> "download of " + url
                        + ": interrupted after " + got + " bytes");
                out.write(buffer, 0, n);
                digest.update(buffer, 0, n);
                received += n;
                bar.update(received);
            }
        } catch (IOException e) {
            throw truncated(url, received, length, e);
        } finally {
            bar.finish();
        }
        if (length >= 0 && received != length) {
            throw truncated(url, received, length, null);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static DatasetException truncated(URI url, long received, long length, IOException cause) {
        String expected = length >= 0 ? " of the " + length + " expected" : "";
        return new DatasetException("The download of " + url + " was cut short: received " + received + " bytes"
                + expected + (cause != null ? " (" + cause.getMessage() + ")" : "")
                + ". Nothing was saved; try again.", cause);
    }

    /** Why a connection failed, in words: HttpClient wraps the real reason, often without a message. */
    private static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
                return "its name does not resolve: no network?";
            }
            if (t.getMessage() != null) {
                return t.getMessage();
            }
        }
        return e.getClass().getSimpleName();
    }

    private static int port(URI url) {
        return url.getPort() != -1 ? url.getPort() : "https".equals(url.getScheme()) ? 443 : 80;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
