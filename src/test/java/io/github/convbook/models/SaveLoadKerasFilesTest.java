package io.github.convbook.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.convbook.Backend;
import io.github.convbook.layers.BatchNormalization;
import io.github.convbook.layers.Dense;
import io.github.convbook.layers.Input;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files against Keras's layout, read by Debian's python3-h5py and plain Python (zipfile, json); and a file
 * written by h5py in Keras's layout (src/test/resources/keras/make_keras_weights.py) loaded by ConvBook.
 * Without h5py these skip, but fail under CI=true. Install: apt-get install -y python3-h5py
 */
class SaveLoadKerasFilesTest {
    @TempDir
    Path dir;

    private static String python(String script, Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("/usr/bin/python3", "-c", script, file.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            fail("python3 failed:\n" + out);
        }
        return out.strip();
    }

    private static void requireH5py() throws InterruptedException {
        boolean present;
        try {
            present = new ProcessBuilder("/usr/bin/python3", "-c", "import h5py").start().waitFor() == 0;
        } catch (IOException e) {
            present = false;
        }
        String message = "python3-h5py is missing: apt-get install -y python3-h5py";
        if (!present && "true".equals(System.getenv("CI"))) {
            fail(message);
        }
        Assumptions.assumeTrue(present, message);
    }

    private static final String LIST = "import h5py,sys\n"
            + "f=h5py.File(sys.argv[1],'r')\n"
            + "out=[]\n"
            + "f.visititems(lambda n,o: out.append(n+(' '+str(o.shape)+' '+str(o.dtype)"
            + " if isinstance(o,h5py.Dataset) else '/')))\n"
            + "print('\\n'.join(out))\n";

    @Test
    void weightsFileHasKerasGroupsShapesAndValues() throws Exception {
        requireH5py();
        Backend.clearSession();
        Model model = SaveLoadTest.convnet();
        Path file = dir.resolve("convnet.weights.h5");
        model.saveWeights(file);
        assertEquals(String.join("\n",
                "layers/",
                "layers/conv2d/",
                "layers/conv2d/vars/",
                "layers/conv2d/vars/0 (3, 3, 1, 4) float32",
                "layers/conv2d/vars/1 (4,) float32",
                "layers/dense/",
                "layers/dense/vars/",
                "layers/dense/vars/0 (100, 3) float32",
                "layers/dense/vars/1 (3,) float32",
                "layers/flatten/",
                "layers/flatten/vars/",
                "layers/input_layer/",
                "layers/input_layer/vars/",
                "layers/max_pooling2d/",
                "layers/max_pooling2d/vars/",
                "vars/"), python(LIST, file));
        String kernel = python("import h5py,sys\nprint(' '.join('%r' % float(v) for v in h5py.File(sys.argv[1],'r')"
                + "['layers/conv2d/vars/0'][()].ravel()))", file);
        float[] expected = model.getLayer("conv2d").getWeights().get(0).data().dup('c').data().asFloat();
        String[] parts = kernel.split(" ");
        float[] read = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            read[i] = Float.parseFloat(parts[i]);
        }
        assertArrayEquals(expected, read);
    }

    @Test
    void kerasArchiveHasKerasEntriesAndConfig() throws Exception {
        requireH5py();
        Backend.clearSession();
        Model model = SaveLoadTest.convnet();
        model.compile("adam", "sparse_categorical_crossentropy", "accuracy");
        Path file = dir.resolve("convnet.keras");
        model.save(file);
        String out = python("import zipfile,json,io,h5py,sys\n"
                + "z=zipfile.ZipFile(sys.argv[1])\n"
                + "print(sorted(z.namelist()))\n"
                + "c=json.loads(z.read('config.json'))\n"
                + "print(c['module'], c['class_name'], c['registered_name'], c['config']['name'])\n"
                + "print([(l['class_name'], l['config']['name']) for l in c['config']['layers']])\n"
                + "print(c['config']['layers'][1]['config']['kernel_size'],"
                + " c['config']['layers'][1]['inbound_nodes'])\n"
                + "print(c['config']['input_layers'], c['config']['output_layers'], c['build_config'])\n"
                + "cc=c['compile_config']; print(cc['optimizer']['class_name'],"
                + " cc['optimizer']['config']['learning_rate'], cc['loss'], cc['metrics'])\n"
                + "print(sorted(json.loads(z.read('metadata.json'))))\n"
                + "h=h5py.File(io.BytesIO(z.read('model.weights.h5')),'r');"
                + " print(h['layers/dense/vars/0'].shape)\n", file);
        assertEquals(String.join("\n",
                "['config.json', 'metadata.json', 'model.weights.h5']",
                "keras.src.engine.functional Functional Functional convnet",
                "[('InputLayer', 'input_1'), ('Conv2D', 'conv2d'), ('MaxPooling2D', 'max_pooling2d'), "
                        + "('Flatten', 'flatten'), ('Dense', 'dense')]",
                "[3, 3] [[['input_1', 0, 0, {}]]]",
                "[['input_1', 0, 0]] [['dense', 0, 0]] {'input_shape': [None, 12, 12, 1]}",
                "Adam 0.001 sparse_categorical_crossentropy ['accuracy']",
                "['date_saved', 'keras_version']",
                "(100, 3)"), out);
    }

    @Test
    void loadsTheWeightsFileH5pyWroteInKerasLayout() throws Exception {
        Backend.clearSession();
        Sequential model = new Sequential();
        model.add(Input.shape(4));
        model.add(new Dense(3).activation("relu"));
        model.add(new BatchNormalization());
        model.add(new Dense(2).activation("softmax"));
        Path file = dir.resolve("mlp.weights.h5");
        Files.copy(SaveLoadKerasFilesTest.class.getResourceAsStream("/keras/mlp.weights.h5"), file);
        model.loadWeights(file);
        assertArrayEquals(new float[] {0f, .1f, .2f, .3f, .4f, .5f, .6f, .7f, .8f, .9f, 1f, 1.1f},
                model.layers.get(0).getWeights().get(0).data().dup('c').data().asFloat(), 1e-7f);
        assertArrayEquals(new float[] {1.5f, 2f, 2.5f},
                model.layers.get(1).getWeights().get(3).data().data().asFloat());
        assertArrayEquals(new float[] {-0.1f, 0.1f}, model.layers.get(2).getWeights().get(1).data().data().asFloat());
    }
}
