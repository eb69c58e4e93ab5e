package io.github.convbook.models;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.github.convbook.layers.Activation;
import io.github.convbook.layers.AveragePooling2D;
import io.github.convbook.layers.BatchNormalization;
import io.github.convbook.layers.Conv;
import io.github.convbook.layers.Conv2D;
import io.github.convbook.layers.Conv2DTranspose;
import io.github.convbook.layers.Dense;
import io.github.convbook.layers.Dropout;
import io.github.convbook.layers.Flatten;
import io.github.convbook.layers.GlobalAveragePooling2D;
import io.github.convbook.layers.GlobalMaxPooling2D;
import io.github.convbook.layers.GlobalPooling2D;
import io.github.convbook.layers.InputLayer;
import io.github.convbook.layers.Layer;
import io.github.convbook.layers.LeakyReLU;
import io.github.convbook.layers.MaxPooling2D;
import io.github.convbook.layers.Pooling2D;
import io.github.convbook.layers.ReLU;
import io.github.convbook.layers.Reshape;
import io.github.convbook.layers.Softmax;
import io.github.convbook.layers.UpSampling2D;
import io.github.convbook.tensor.Shape;
import java.util.List;

/**
 * A layer's entry in a {@code .keras} archive's {@code config.json}, as tf.keras 2.15's
 * {@code serialization_lib.serialize_keras_object(layer)} writes it:
 * {@code {"module": "keras.layers", "class_name": "Dense", "config": {"name": ..., "trainable": true, "dtype":
 * "float32", "units": 10, ...}, "registered_name": null, "build_config": {"input_shape": [null, 784]}}}.
 * Reading also accepts Keras 3's spellings (InputLayer's {@code batch_shape}, LeakyReLU's {@code negative_slope},
 * a dtype policy object). Initializers are written as Keras's defaults: ConvBook does not keep their names, and a
 * loaded model takes its weights from the file anyway.
 * Only Gson API that exists in Gson 2.8.5 (IJava's copy) is used.
 */
final class KerasLayerConfig {
    /** The layer classes ConvBook can rebuild from a config, by their Keras class names. */
    static final List<String> SUPPORTED = List.of("InputLayer", "Dense", "Conv2D", "Conv2DTranspose",
            "MaxPooling2D", "AveragePooling2D", "GlobalAveragePooling2D", "GlobalMaxPooling2D", "UpSampling2D",
            "Flatten",
            "Reshape", "Dropout", "BatchNormalization", "Activation", "ReLU", "LeakyReLU", "Softmax");

    private KerasLayerConfig() {
    }

    /** The Keras class name of a ConvBook layer (ConvBook's classes carry Keras's names). */
    static String className(Layer layer) {
        return layer.getClass().getSimpleName();
    }

    /** The full entry: module, class_name, config, registered_name and, once built, build_config. */
    static JsonObject serialize(Layer layer) {
        String className = className(layer);
        if (!SUPPORTED.contains(className)) {
            throw new IllegalArgumentException("Cannot save layer '" + layer.name() + "' of class " + className
                    + ": the Keras formats support " + SUPPORTED);
        }
        JsonObject entry = new JsonObject();
        entry.addProperty("module", "keras.layers");
        entry.addProperty("class_name", className);
        entry.add("config", config(layer));
        entry.add("registered_name", JsonNull.INSTANCE);
        if (!(layer instanceof InputLayer) && layer.builtInputShape() != null) {
            JsonObject build = new JsonObject();
            build.add("input_shape", shape(layer.builtInputShape()));
            entry.add("build_config", build);
        }
        return entry;
    }

    /** The inner {@code config} dictionary, with the keys and defaults of the layer's Keras {@code get_config()}. */
    static JsonObject config(Layer layer) {
        JsonObject c = new JsonObject();
        if (layer instanceof InputLayer input) {
            c.add("batch_input_shape", shape(input.shape()));
            c.addProperty("dtype", layer.dtype().toString());
            c.addProperty("sparse", false);
            c.addProperty("ragged", false);
            c.addProperty("name", layer.name());
            return c;
        }
        c.addProperty("name", layer.name());
        c.addProperty("trainable", true);
        c.addProperty("dtype", layer.dtype().toString());
        if (layer instanceof Dense d) {
            c.addProperty("units", d.units());
            c.addProperty("activation", d.activation().toString());
            c.addProperty("use_bias", d.weights().size() != 1);
            initializersAndRegularizers(c, "kernel", "GlorotUniform", "bias", "Zeros");
        } else if (layer instanceof Conv<?> conv) {
            c.addProperty("filters", conv.filters());
            c.add("kernel_size", ints(conv.kernelSize()));
            c.add("strides", ints(conv.strides()));
            c.addProperty("padding", conv.padding().toString());
            c.addProperty("data_format", "channels_last");
            c.add("dilation_rate", ints(conv.dilationRate()));
            c.addProperty("groups", 1);
            c.addProperty("activation", conv.activation().toString());
            c.addProperty("use_bias", conv.useBias());
            initializersAndRegularizers(c, "kernel", "GlorotUniform", "bias", "Zeros");
            if (conv instanceof Conv2DTranspose t) {
                c.add("output_padding", t.outputPadding() == null ? JsonNull.INSTANCE : ints(t.outputPadding()));
            }
        } else if (layer instanceof Pooling2D<?> p) {
            c.add("pool_size", ints(p.poolSize()));
            c.addProperty("padding", p.padding().toString());
            c.add("strides", ints(p.strides()));
            c.addProperty("data_format", "channels_last");
        } else if (layer instanceof GlobalPooling2D<?> g) {
            c.addProperty("data_format", "channels_last");
            c.addProperty("keepdims", g.keepdims());
        } else if (layer instanceof UpSampling2D u) {
            c.add("size", ints(u.size()));
            c.addProperty("data_format", "channels_last");
            c.addProperty("interpolation", u.interpolation());
        } else if (layer instanceof Flatten) {
            c.addProperty("data_format", "channels_last");
        } else if (layer instanceof Reshape r) {
            c.add("target_shape", ints(r.targetShape()));
        } else if (layer instanceof Dropout d) {
            c.addProperty("rate", d.rate());
            c.add("noise_shape", JsonNull.INSTANCE);
            c.add("seed", JsonNull.INSTANCE);
        } else if (layer instanceof BatchNormalization bn) {
            JsonArray axis = new JsonArray();
            Shape built = layer.builtInputShape();
            axis.add(bn.axis() >= 0 || built == null ? bn.axis() : built.rank() - 1);   // Keras lists it once built
            c.add("axis", axis);
            c.addProperty("momentum", bn.momentum());
            c.addProperty("epsilon", bn.epsilon());
            List<String> names = layer.weightNames();
            c.addProperty("center", names.stream().anyMatch(n -> n.endsWith("/beta:0")));
            c.addProperty("scale", names.stream().anyMatch(n -> n.endsWith("/gamma:0")));
            c.add("beta_initializer", initializer("Zeros"));
            c.add("gamma_initializer", initializer("Ones"));
            c.add("moving_mean_initializer", initializer("Zeros"));
            c.add("moving_variance_initializer", initializer("Ones"));
            for (String key : List.of("beta_regularizer", "gamma_regularizer", "beta_constraint", "gamma_constraint")) {
                c.add(key, JsonNull.INSTANCE);
            }
        } else if (layer instanceof Softmax s) {
            c.addProperty("axis", s.axis());
        } else if (layer instanceof Activation a) {
            c.addProperty("activation", a.activation().toString());
        } else if (layer instanceof ReLU r) {
            c.add("max_value", r.maxValue() == null ? JsonNull.INSTANCE : new JsonPrimitive(r.maxValue()));
            c.addProperty("negative_slope", r.negativeSlope());
            c.addProperty("threshold", r.threshold());
        } else if (layer instanceof LeakyReLU l) {
            c.addProperty("alpha", l.alpha());
        }
        return c;
    }

    /**
     * Builds an unbuilt layer from its entry; an {@code InputLayer} entry is answered by {@link #inputShape}.
     *
     * @throws IllegalArgumentException for a class ConvBook does not have (the message lists those it has), or a
     *                                  setting ConvBook does not implement
     */
    static Layer deserialize(JsonObject entry) {
        String className = string(entry, "class_name");
        JsonObject c = entry.has("config") && entry.get("config").isJsonObject() ? entry.getAsJsonObject("config")
                : new JsonObject();
        if (className == null || !SUPPORTED.contains(className) || className.equals("InputLayer")) {
            throw new IllegalArgumentException("Unknown layer class '" + className + "'" + (c.has("name") ? " (layer '"
                    + string(c, "name") + "')" : "") + ": ConvBook can load " + SUPPORTED.subList(1, SUPPORTED.size()));
        }
        Layer layer = switch (className) {
            case "Dense" -> new Dense(c.get("units").getAsInt()).activation(activation(c))
                    .useBias(bool(c, "use_bias", true));
            case "Conv2D" -> conv(new Conv2D(c.get("filters").getAsInt(), 1), c);
            case "Conv2DTranspose" -> {
                Conv2DTranspose t = conv(new Conv2DTranspose(c.get("filters").getAsInt(), 1), c);
                yield present(c, "output_padding") ? t.outputPadding(pair(c.get("output_padding"))) : t;
            }
            case "MaxPooling2D" -> pooling(new MaxPooling2D(), c);
            case "AveragePooling2D" -> pooling(new AveragePooling2D(), c);
            case "GlobalAveragePooling2D" -> new GlobalAveragePooling2D().dataFormat(string(c, "data_format"))
                    .keepdims(bool(c, "keepdims", false));
            case "GlobalMaxPooling2D" -> new GlobalMaxPooling2D().dataFormat(string(c, "data_format"))
                    .keepdims(bool(c, "keepdims", false));
            case "UpSampling2D" -> new UpSampling2D().size(pair(c.get("size")))
                    .interpolation(present(c, "interpolation") ? string(c, "interpolation") : "nearest");
            case "Flatten" -> new Flatten();
            case "Reshape" -> new Reshape(intArray(c.get("target_shape")));
            case "Dropout" -> new Dropout(c.get("rate").getAsDouble());
            case "BatchNormalization" -> batchNormalization(c);
            case "Activation" -> new Activation(activation(c));
            case "ReLU" -> relu(c);
            case "LeakyReLU" -> new LeakyReLU(c.has("negative_slope") ? c.get("negative_slope").getAsDouble()
                    : c.has("alpha") ? c.get("alpha").getAsDouble() : 0.3);
            case "Softmax" -> new Softmax(present(c, "axis") ? axis(c.get("axis")) : -1);
            default -> throw new IllegalStateException(className);
        };
        if (c.has("name")) {
            layer.name(string(c, "name"));
        }
        String dtype = dtype(c);
        if (dtype != null && !dtype.equals(layer.dtype().toString())) {
            layer.dtype(dtype);
        }
        return layer;
    }

    /** True when the entry is an {@code InputLayer}. */
    static boolean isInputLayer(JsonObject entry) {
        return "InputLayer".equals(string(entry, "class_name"));
    }

    /**
     * The full shape (batch first, -1 for None) of an InputLayer entry: tf.keras 2's batch_input_shape or Keras 3's
     * batch_shape.
     */
    static int[] inputShape(JsonObject entry) {
        JsonObject c = entry.getAsJsonObject("config");
        JsonElement shape = c.has("batch_input_shape") ? c.get("batch_input_shape") : c.get("batch_shape");
        if (shape == null || !shape.isJsonArray()) {
            throw new IllegalArgumentException("InputLayer '" + string(c, "name") + "' has no batch_input_shape");
        }
        int[] full = new int[shape.getAsJsonArray().size()];
        for (int i = 0; i < full.length; i++) {
            JsonElement d = shape.getAsJsonArray().get(i);
            full[i] = d.isJsonNull() ? (int) Shape.UNKNOWN : d.getAsInt();
        }
        return full;
    }

    // ---------------------------------------------------------------- reading helpers

    private static <T extends Conv<T>> T conv(T layer, JsonObject c) {
        layer.kernelSize(pair(c.get("kernel_size"))[0], pair(c.get("kernel_size"))[1]);
        if (present(c, "strides")) {
            layer.strides(pair(c.get("strides")));
        }
        if (present(c, "dilation_rate")) {
            layer.dilationRate(pair(c.get("dilation_rate")));
        }
        if (present(c, "groups") && c.get("groups").getAsInt() != 1) {
            throw new IllegalArgumentException("Layer '" + string(c, "name") + "': groups=" + c.get("groups")
                    + " is not implemented in ConvBook (only groups=1)");
        }
        requireChannelsLast(c);
        return layer.padding(present(c, "padding") ? string(c, "padding") : "valid").activation(activation(c))
                .useBias(bool(c, "use_bias", true));
    }

    private static <T extends Pooling2D<T>> T pooling(T layer, JsonObject c) {
        requireChannelsLast(c);
        layer.poolSize(pair(c.get("pool_size")));
        if (present(c, "strides")) {
            layer.strides(pair(c.get("strides")));
        }
        return layer.padding(present(c, "padding") ? string(c, "padding") : "valid");
    }

    private static BatchNormalization batchNormalization(JsonObject c) {
        BatchNormalization bn = new BatchNormalization();
        if (present(c, "axis")) {
            bn.axis(axis(c.get("axis")));
        }
        if (present(c, "momentum")) {
            bn.momentum(c.get("momentum").getAsDouble());
        }
        if (present(c, "epsilon")) {
            bn.epsilon(c.get("epsilon").getAsDouble());
        }
        return bn.center(bool(c, "center", true)).scale(bool(c, "scale", true));
    }

    private static ReLU relu(JsonObject c) {
        ReLU r = new ReLU();
        if (present(c, "max_value")) {
            r.maxValue(c.get("max_value").getAsDouble());
        }
        if (present(c, "negative_slope")) {
            r.negativeSlope(c.get("negative_slope").getAsDouble());
        }
        if (present(c, "threshold")) {
            r.threshold(c.get("threshold").getAsDouble());
        }
        return r;
    }

    private static void requireChannelsLast(JsonObject c) {
        if (present(c, "data_format") && !"channels_last".equals(string(c, "data_format"))) {
            throw new IllegalArgumentException("Layer '" + string(c, "name") + "': data_format " + c.get("data_format")
                    + " is not implemented in ConvBook (only \"channels_last\")");
        }
    }

    /** "relu", or Keras 3's {@code {"class_name": "function", "config": "relu"}} for a built-in function. */
    private static String activation(JsonObject c) {
        JsonElement a = c.get("activation");
        if (a == null || a.isJsonNull()) {
            return "linear";
        }
        if (a.isJsonObject()) {
            JsonElement inner = a.getAsJsonObject().get("config");
            return inner != null && inner.isJsonPrimitive() ? inner.getAsString()
                    : string(a.getAsJsonObject(), "class_name");
        }
        return a.getAsString();
    }

    /** "float32", or Keras 3's dtype policy {@code {"class_name": "DTypePolicy", "config": {"name": "float32"}}}. */
    private static String dtype(JsonObject c) {
        JsonElement d = c.get("dtype");
        if (d == null || d.isJsonNull()) {
            return null;
        }
        if (d.isJsonObject()) {
            JsonElement inner = d.getAsJsonObject().get("config");
            return inner != null && inner.isJsonObject() ? string(inner.getAsJsonObject(), "name") : null;
        }
        return d.getAsString();
    }

    private static int axis(JsonElement e) {
        return e.isJsonArray() ? e.getAsJsonArray().get(0).getAsInt() : e.getAsInt();
    }

    private static int[] pair(JsonElement e) {
        if (e.isJsonArray()) {
            return intArray(e);
        }
        return new int[] {e.getAsInt(), e.getAsInt()};
    }

    private static int[] intArray(JsonElement e) {
        JsonArray a = e.getAsJsonArray();
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).getAsInt();
        }
        return out;
    }

    private static boolean present(JsonObject c, String key) {
        return c.has(key) && !c.get(key).isJsonNull();
    }

    private static boolean bool(JsonObject c, String key, boolean absent) {
        return present(c, key) ? c.get(key).getAsBoolean() : absent;
    }

    private static String string(JsonObject o, String key) {
        return o.has(key) && !o.get(key).isJsonNull() ? o.get(key).getAsString() : null;
    }

    // ---------------------------------------------------------------- writing helpers

    private static void initializersAndRegularizers(JsonObject c, String kernel, String kernelInit, String bias,
            String biasInit) {
        c.add(kernel + "_initializer", initializer(kernelInit));
        c.add(bias + "_initializer", initializer(biasInit));
        for (String key : List.of(kernel + "_regularizer", bias + "_regularizer", "activity_regularizer",
                kernel + "_constraint", bias + "_constraint")) {
            c.add(key, JsonNull.INSTANCE);
        }
    }

    private static JsonObject initializer(String className) {
        JsonObject o = new JsonObject();
        o.addProperty("module", "keras.initializers");
        o.addProperty("class_name", className);
        JsonObject config = new JsonObject();
        if (className.startsWith("Glorot")) {
            config.add("seed", JsonNull.INSTANCE);
        }
        o.add("config", config);
        o.add("registered_name", JsonNull.INSTANCE);
        return o;
    }

    private static JsonArray ints(int[] values) {
        JsonArray a = new JsonArray();
        for (int v : values) {
            a.add(v);
        }
        return a;
    }

    /** A shape as Keras writes it: {@code [null, 28, 28, 1]}. */
    static JsonArray shape(Shape shape) {
        JsonArray a = new JsonArray();
        for (long d : shape.toArray()) {
            if (d < 0) {
                a.add(JsonNull.INSTANCE);
            } else {
                a.add(d);
            }
        }
        return a;
    }
}
