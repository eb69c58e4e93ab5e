package io.github.convbook.notebook;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * What System.out / System.err write to while a cell runs: complete UTF-8 characters go to the
 * recorder at once (so stdout, stderr and displays keep their order); a character split across
 * two writes waits for its last byte.
 */
final class CapturedStream extends OutputStream {
    private final String name;
    private final OutputRecorder recorder;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    CapturedStream(String name, OutputRecorder recorder) {
        this.name = name;
        this.recorder = recorder;
    }

    @Override
    public synchronized void write(int b) {
        pending.write(b);
        forwardCompleteCharacters();
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        pending.write(bytes, offset, length);
        forwardCompleteCharacters();
    }

    private void forwardCompleteCharacters() {
        byte[] bytes = pending.toByteArray();
        int complete = bytes.length - incompleteTailLength(bytes);
        if (complete > 0) {
            recorder.stream(name, new String(bytes, 0, complete, StandardCharsets.UTF_8));
            pending.reset();
            pending.write(bytes, complete, bytes.length - complete);
        }
    }

    /** How many bytes at the end start a UTF-8 character whose remaining bytes have not arrived yet. */
    static int incompleteTailLength(byte[] bytes) {
        for (int back = 1; back <= Math.min(3, bytes.length); back++) {
            int b = bytes[bytes.length - back] & 0xFF;
            if ((b & 0xC0) == 0x80) {
                continue; // continuation byte: keep looking for the lead byte
            }
            int needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            return needed > back ? back : 0;
        }
        return 0;
    }
}
