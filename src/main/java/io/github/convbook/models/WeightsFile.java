package io.github.convbook.models;

import io.github.convbook.backend.Naming;
import io.github.convbook.layers.Layer;
import io.github.convbook.tensor.DType;
import io.github.convbook.tensor.Shape;
import io.github.convbook.tensor.Tensor;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.api.WritableGroup;
import io.jhdf.api.WritableNode;
import io.jhdf.storage.HdfFileChannel;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The weights in Keras's HDF5 layout ({@code model.weights.h5} inside a {@code .keras} archive, or a
 * {@code .weights.h5} file), as tf.keras 2.15's {@code saving_lib._save_state} writes it with {@code H5IOStore}:
 * <pre>
 * vars/                          the model's own variables (none)
 * layers/conv2d/vars/0           kernel (3, 3, 1, 32)
 * layers/conv2d/vars/1           bias (32,)
 * layers/max_pooling2d/vars/     empty: a layer without weights still gets its group
 * layers/dense/vars/0, 1         ...
 * </pre>
 * Each layer of {@code model.layers} (a functional model's InputLayer included, a Sequential's not) is addressed by
 * its class name in snake_case, numbered per class ({@code dense}, {@code dense_1}: {@code _save_container_state}
 * deliberately does not use the layer names); its variables are numbered in the order trainable then non-trainable
 * (BatchNormalization: gamma, beta, moving_mean, moving_variance). tf.keras 2.13 and 2.14 wrote the same groups under
 * {@code _layer_checkpoint_dependencies/} instead of {@code layers/}; reading accepts both (Keras 3 writes
 * {@code layers/} as 2.15 does). Files are written and read with jHDF.
 */
final class WeightsFile {
    static final String LAYERS = "layers";
    static final String LAYERS_2_13 = "_layer_checkpoint_dependencies";

    private WeightsFile() {
    }

    /** {@code model.save_weights(path)}: the path must end in {@code .weights.h5}, as Keras requires. */
    static void save(Model model, Path path) {
        if (!path.getFileName().toString().endsWith(".weights.h5")) {
            throw new ModelFileException("saveWeights: the file name must end in .weights.h5 (Keras's weights format),"
                    + " got " + path + ". Use model.save(\"....keras\") for the whole model.");
        }
        AtomicFile.write(path, temporary -> write(model, temporary));
    }

    /** Writes the HDF5 file at {@code h5} (a new file). */
    static void write(Model model, Path h5) {
        model.requireBuilt();
        try (WritableHdfFile file = HdfFile.write(h5)) {
            file.putGroup("vars");
            WritableGroup layers = file.putGroup(LAYERS);
            paths(model).forEach((key, layer) -> {
                WritableGroup vars = layers.putGroup(key).putGroup("vars");
                List<Tensor> weights = layer.weights();
                for (int i = 0; i < weights.size(); i++) {
                    vars.putDataset(String.valueOf(i), nested(weights.get(i).data()));
                }
            });
            endLastChildAtItsEnd(file);
        }
    }

    /**
     * Works around a jHDF 0.10.0 bug: on close it writes its "jHDF" info block at the channel's position, which is the
     * end of the last dataset written, so it overwrites the object header of any group written after that dataset
     * (here the root {@code vars} group, always last). The root's last child is wrapped so that writing it leaves the
     * channel at the end of what it wrote; the info block then goes to the end of the file.
     */
    @SuppressWarnings("unchecked")
    private static void endLastChildAtItsEnd(WritableHdfFile file) {
        try {
            Field rootField = WritableHdfFile.class.getDeclaredField("rootGroup");
            rootField.setAccessible(true);
            Object root = rootField.get(file);
            Field childrenField = root.getClass().getDeclaredField("children");
            childrenField.setAccessible(true);
            Map<String, WritableNode> children = (Map<String, WritableNode>) childrenField.get(root);
            String last = null;
            for (String key : children.keySet()) {
                last = key;   // the order in which the root group writes its children
            }
            WritableNode original = children.get(last);
            Object wrapped = Proxy.newProxyInstance(WeightsFile.class.getClassLoader(),
                    new Class<?>[] {WritableNode.class, WritableGroup.class}, (proxy, method, args) -> {
                        try {
                            Object result = method.invoke(original, args);
                            if (method.getName().equals("write") && args != null && args.length == 2
                                    && args[0] instanceof HdfFileChannel channel) {
                                channel.position((Long) result);
                            }
                            return result;
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            children.put(last, (WritableNode) wrapped);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new ModelFileException("Cannot write HDF5 with this jHDF version (expected 0.10.x): " + e, e);
        }
    }

    /** The group name of each layer in {@code model.layers}: snake_case class name, then _1, _2 per class. */
    static Map<String, Layer> paths(Model model) {
        Map<String, Integer> used = new HashMap<>();
        Map<String, Layer> paths = new LinkedHashMap<>();
        for (Layer layer : model instanceof Sequential ? model.layers : model.layers()) {   // Keras's model.layers
            String name = Naming.snakeCase(layer.getClass().getSimpleName());
            int seen = used.merge(name, 1, Integer::sum) - 1;
            paths.put(seen == 0 ? name : name + "_" + seen, layer);
        }
        return paths;
    }

    /**
     * Reads every layer's weights from an open file and checks them against the model; nothing is assigned.
     *
     * @throws ModelFileException naming the layer, the weight and both shapes when something does not fit
     */
    static Map<Layer, List<Tensor>> read(Model model, HdfFile file, String source) {
        Group root;
        try {
            String prefix = file.getChildren().containsKey(LAYERS) ? LAYERS
                    : file.getChildren().containsKey(LAYERS_2_13) ? LAYERS_2_13 : null;
            if (prefix == null) {
                String legacy = file.getChildren().containsKey("model_weights")
                        || file.getAttributes().containsKey("layer_names")
                        ? " It looks like the legacy Keras .h5 format (save_format=\"h5\"), which ConvBook does not"
                        + " read: save it in Keras with model.save(\"model.keras\") or"
                        + " model.save_weights(\"model.weights.h5\")." : "";
                throw new ModelFileException(source + " has no 'layers' group: it is not a Keras weights file (found "
                        + file.getChildren().keySet() + ")." + legacy);
            }
            root = (Group) file.getChild(prefix);
            Map<String, Layer> paths = paths(model);
            TreeSet<String> inFile = new TreeSet<>();
            root.getChildren().forEach((key, node) -> {
                if (!variables(node).isEmpty()) {
                    inFile.add(key);
                }
            });
            TreeSet<String> inModel = new TreeSet<>();
            paths.forEach((key, layer) -> {
                if (!layer.weights().isEmpty()) {
                    inModel.add(key);
                }
            });
            if (!inFile.equals(inModel)) {
                throw new ModelFileException(source + " holds weights for " + inFile.size() + " layers " + inFile
                        + ", the model '" + model.name() + "' has " + inModel.size() + " layers with weights " + inModel
                        + ": the file was saved from another architecture");
            }
            Map<Layer, List<Tensor>> values = new LinkedHashMap<>();
            for (Map.Entry<String, Layer> entry : paths.entrySet()) {
                Layer layer = entry.getValue();
                List<Tensor> expected = layer.weights();
                if (expected.isEmpty()) {
                    continue;
                }
                String where = prefix + "/" + entry.getKey() + "/vars";
                Map<String, Dataset> vars = variables(root.getChild(entry.getKey()));
                if (vars.size() != expected.size()) {
                    throw new ModelFileException(source + ": layer '" + layer.name() + "' has " + expected.size()
                            + " weights " + layer.weightNames() + ", the file has " + vars.size() + " at " + where);
                }
                List<Tensor> read = new ArrayList<>();
                for (int i = 0; i < expected.size(); i++) {
                    Dataset dataset = vars.get(String.valueOf(i));
                    String weight = layer.weightNames().get(i);
                    if (dataset == null) {
                        throw new ModelFileException(source + ": " + where + "/" + i + " (" + weight + ") is missing");
                    }
                    Shape want = expected.get(i).shape();
                    Shape got = Shape.of(Arrays.stream(dataset.getDimensions()).asLongStream().toArray());
                    if (!want.equals(got)) {
                        throw new ModelFileException(source + ": layer '" + layer.name() + "', weight '" + weight
                                + "' (" + where + "/" + i + "): expected shape " + want + ", received shape " + got);
                    }
                    read.add(Tensor.wrap(array(dataset, want, layer.dtype())));
                }
                values.put(layer, read);
            }
            return values;
        } catch (ModelFileException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ModelFileException(source + " is not a readable HDF5 weights file (corrupt or truncated?): "
                    + e, e);
        }
    }

    /** Sets the weights read by {@link #read}; every value was checked there. */
    static void assign(Map<Layer, List<Tensor>> values) {
        values.forEach(Layer::setWeights);
    }

    private static Map<String, Dataset> variables(Node layerGroup) {
        Map<String, Dataset> vars = new LinkedHashMap<>();
        if (layerGroup instanceof Group g && g.getChild("vars") instanceof Group v) {
            v.getChildren().forEach((name, node) -> {
                if (node instanceof Dataset d) {
                    vars.put(name, d);
                }
            });
        }
        return vars;
    }

    private static INDArray array(Dataset dataset, Shape shape, DType dtype) {
        Object flat = dataset.getDataFlat();
        INDArray values;
        if (flat instanceof float[] f) {
            values = Nd4j.createFromArray(f);
        } else if (flat instanceof double[] d) {
            values = Nd4j.createFromArray(d);
        } else {
            throw new ModelFileException("dataset " + dataset.getPath() + " holds " + dataset.getJavaType()
                    + ", expected float32 or float64 values");
        }
        return values.reshape('c', shape.toArray()).castTo(dtype.nd4j()).dup('c');
    }

    /** A weight as the nested Java array jHDF writes: float[][]... for float32, double[][]... for float64. */
    static Object nested(INDArray weight) {
        INDArray c = weight.dup('c');
        boolean doubles = c.dataType() == DataType.DOUBLE;
        Object flat = doubles ? c.data().asDouble() : c.castTo(DataType.FLOAT).data().asFloat();
        int[] dims = Arrays.stream(c.shape()).mapToInt(Math::toIntExact).toArray();
        return nest(flat, dims, 0, new int[] {0});
    }

    private static Object nest(Object flat, int[] dims, int axis, int[] at) {
        int n = dims[axis];
        if (axis == dims.length - 1) {
            Object row = Array.newInstance(flat.getClass().getComponentType(), n);
            System.arraycopy(flat, at[0], row, 0, n);
            at[0] += n;
            return row;
        }
        Object first = null;
        Object[] parts = new Object[n];
        for (int i = 0; i < n; i++) {
            parts[i] = nest(flat, dims, axis + 1, at);
            first = parts[i];
        }
        Class<?> component = first != null ? first.getClass()
                : Array.newInstance(flat.getClass().getComponentType(), new int[dims.length - axis - 1]).getClass();
        Object out = Array.newInstance(component, n);
        for (int i = 0; i < n; i++) {
            Array.set(out, i, parts[i]);
        }
        return out;
    }
}
