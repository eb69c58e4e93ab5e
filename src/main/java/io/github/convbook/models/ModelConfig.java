package io.github.convbook.models;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import io.github.convbook.backend.Naming;
import io.github.convbook.layers.Input;
import io.github.convbook.layers.Layer;
import io.github.convbook.losses.Loss;
import io.github.convbook.losses.Losses;
import io.github.convbook.optimizers.Adadelta;
import io.github.convbook.optimizers.Adagrad;
import io.github.convbook.optimizers.Adam;
import io.github.convbook.optimizers.Optimizer;
import io.github.convbook.optimizers.Optimizers;
import io.github.convbook.optimizers.RMSprop;
import io.github.convbook.optimizers.SGD;
import io.github.convbook.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A {@code .keras} archive's {@code config.json}: the model as tf.keras 2.15's
 * {@code serialization_lib.serialize_keras_object(model)} writes it. A functional model:
 * <pre>
 * {"module": "keras.src.engine.functional", "class_name": "Functional", "registered_name": "Functional",
 *  "config": {"name": "model", "trainable": true,
 *             "layers": [{..., "name": "conv2d", "inbound_nodes": [[["input_1", 0, 0, {}]]]}],
 *             "input_layers": [["input_1", 0, 0]], "output_layers": [["dense", 0, 0]]},
 *  "build_config": {"input_shape": [null, 28, 28, 1]},
 *  "compile_config": {"optimizer": {...}, "loss": "sparse_categorical_crossentropy", "metrics": ["accuracy"], ...}}
 * </pre>
 * A Sequential: {@code {"module": "keras", "class_name": "Sequential", "config": {"name": ..., "layers": [InputLayer,
 * ...]}, "registered_name": null, ...}}. The optimizer is written with its name and learning rate (its other settings
 * take Keras's defaults on loading).
 */
final class ModelConfig {
    private ModelConfig() {
    }

    static JsonObject toJson(Model model) {
        model.requireBuilt();
        boolean sequential = model instanceof Sequential;
        JsonObject config = new JsonObject();
        config.addProperty("name", model.name());
        JsonArray layers = new JsonArray();
        if (sequential) {
            layers.add(KerasLayerConfig.serialize(model.inputLayer()));
            model.layers.forEach(l -> layers.add(KerasLayerConfig.serialize(l)));   // without the InputLayer
        } else {
            config.addProperty("trainable", true);
            String previous = null;
            for (Layer layer : model.layers()) {
                JsonObject entry = KerasLayerConfig.serialize(layer);
                entry.addProperty("name", layer.name());
                JsonArray nodes = new JsonArray();
                if (previous != null) {
                    JsonArray call = new JsonArray();
                    call.add(nodeRef(previous, true));
                    nodes.add(call);
                }
                entry.add("inbound_nodes", nodes);
                layers.add(entry);
                previous = layer.name();
            }
        }
        config.add("layers", layers);
        if (!sequential) {
            JsonArray in = new JsonArray();
            in.add(nodeRef(model.inputLayer().name(), false));
            config.add("input_layers", in);
            JsonArray out = new JsonArray();
            List<Layer> all = model.layers();
            out.add(nodeRef(all.get(all.size() - 1).name(), false));
            config.add("output_layers", out);
        }
        JsonObject root = new JsonObject();
        root.addProperty("module", sequential ? "keras" : "keras.src.engine.functional");
        root.addProperty("class_name", sequential ? "Sequential" : "Functional");
        root.add("config", config);
        if (sequential) {
            root.add("registered_name", JsonNull.INSTANCE);
        } else {
            root.addProperty("registered_name", "Functional");
        }
        JsonObject build = new JsonObject();
        build.add("input_shape", KerasLayerConfig.shape(model.inputShape()));
        root.add("build_config", build);
        Trainer trainer = model.compiled();
        if (trainer != null) {
            root.add("compile_config", compileConfig(trainer));
        }
        return root;
    }

    private static JsonArray nodeRef(String layerName, boolean withKwargs) {
        JsonArray ref = new JsonArray();
        ref.add(layerName);
        ref.add(0);
        ref.add(0);
        if (withKwargs) {
            ref.add(new JsonObject());
        }
        return ref;
    }

    private static JsonObject compileConfig(Trainer trainer) {
        JsonObject c = new JsonObject();
        Optimizer optimizer = trainer.optimizer();
        JsonObject opt = new JsonObject();
        String className = optimizer.getClass().getSimpleName();
        opt.addProperty("module", "keras.optimizers");
        opt.addProperty("class_name", className);
        JsonObject optConfig = new JsonObject();
        optConfig.addProperty("name", className);
        optConfig.addProperty("learning_rate", optimizer.learningRate());
        opt.add("config", optConfig);
        opt.add("registered_name", JsonNull.INSTANCE);
        c.add("optimizer", opt);
        Loss loss = trainer.loss();
        if (loss.fromLogits()) {
            JsonObject l = new JsonObject();
            l.addProperty("module", "keras.losses");
            l.addProperty("class_name", loss.getClass().getSimpleName());
            JsonObject lc = new JsonObject();
            lc.addProperty("reduction", "auto");
            lc.addProperty("name", loss.name());
            lc.addProperty("from_logits", true);
            l.add("config", lc);
            l.add("registered_name", JsonNull.INSTANCE);
            c.add("loss", l);
        } else {
            c.addProperty("loss", loss.name());
        }
        JsonArray metrics = new JsonArray();
        trainer.metricNames().forEach(metrics::add);
        c.add("metrics", metrics);
        for (String key : List.of("loss_weights", "weighted_metrics", "run_eagerly", "steps_per_execution",
                "jit_compile")) {
            c.add(key, JsonNull.INSTANCE);
        }
        return c;
    }

    /**
     * Builds the model the config describes, with its layer names; its weights are the fresh ones of new layers.
     *
     * @throws ModelFileException for a model class other than Functional/Model/Sequential, a layer ConvBook does not
     *                            have (naming it and listing those it has), or a graph that is not a chain
     */
    static Model build(JsonObject root, String source) {
        String className = string(root, "class_name");
        JsonObject config = root.has("config") && root.get("config").isJsonObject()
                ? root.getAsJsonObject("config") : null;
        if (config == null || !config.has("layers")) {
            throw new ModelFileException(source + ": config.json has no model config with layers");
        }
        List<JsonObject> entries = new ArrayList<>();
        config.getAsJsonArray("layers").forEach(e -> entries.add(e.getAsJsonObject()));
        try {
            if ("Sequential".equals(className)) {
                Sequential model = new Sequential();
                model.name(string(config, "name"));
                int start = 0;
                if (!entries.isEmpty() && KerasLayerConfig.isInputLayer(entries.get(0))) {
                    model.add(input(entries.get(0)));
                    start = 1;
                } else if (root.has("build_config")) {
                    model.add(Input.batchShape(shape(root.getAsJsonObject("build_config").get("input_shape"))));
                }
                for (JsonObject entry : entries.subList(start, entries.size())) {
                    model.add(KerasLayerConfig.deserialize(entry));
                }
                return model;
            }
            if (!"Functional".equals(className) && !"Model".equals(className)) {
                throw new ModelFileException(source + ": unknown model class '" + className
                        + "': ConvBook loads Functional (keras.Model) and Sequential models");
            }
            if (entries.isEmpty() || !KerasLayerConfig.isInputLayer(entries.get(0))) {
                throw new ModelFileException(source + ": a functional model's first layer must be its InputLayer");
            }
            Tensor inputs = input(entries.get(0));
            Tensor x = inputs;
            for (JsonObject entry : entries.subList(1, entries.size())) {
                if (KerasLayerConfig.isInputLayer(entry)) {
                    throw new ModelFileException(source + ": models with several inputs are not supported by ConvBook");
                }
                x = KerasLayerConfig.deserialize(entry).apply(x);
            }
            return new Model(inputs, x).name(string(config, "name"));
        } catch (ModelFileException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ModelFileException(source + ": cannot rebuild the model from config.json: " + e.getMessage(), e);
        }
    }

    private static Tensor input(JsonObject entry) {
        Tensor t = Input.batchShape(KerasLayerConfig.inputShape(entry));
        JsonElement name = entry.getAsJsonObject("config").get("name");
        if (name != null && !name.isJsonNull()) {
            Layer.producerOf(t).name(name.getAsString());
        }
        return t;
    }

    private static int[] shape(JsonElement e) {
        JsonArray a = e.getAsJsonArray();
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).isJsonNull() ? -1 : a.get(i).getAsInt();
        }
        return out;
    }

    /** Compiles again from a saved compile_config (optimizer name and learning rate, loss, metrics). */
    static void compile(Model model, JsonObject c, String source) {
        try {
            Optimizer optimizer = optimizer(c.get("optimizer"));
            Loss loss;
            JsonElement l = c.get("loss");
            if (l.isJsonObject()) {
                JsonObject lc = l.getAsJsonObject().getAsJsonObject("config");
                String name = lc.has("name") ? lc.get("name").getAsString()
                        : Naming.snakeCase(string(l.getAsJsonObject(), "class_name"));
                loss = Losses.get(name);
                if (lc.has("from_logits") && lc.get("from_logits").getAsBoolean()) {
                    loss = loss.withLogits();
                }
            } else {
                loss = Losses.get(l.getAsString());
            }
            List<String> metrics = new ArrayList<>();
            if (c.has("metrics") && c.get("metrics").isJsonArray()) {
                c.getAsJsonArray("metrics").forEach(m -> metrics.add(m.isJsonPrimitive() ? m.getAsString()
                        : string(m.getAsJsonObject(), "class_name")));
            }
            model.compile(optimizer, loss, metrics.toArray(String[]::new));
        } catch (RuntimeException e) {
            throw new ModelFileException(source + ": cannot compile the model from compile_config: "
                    + e.getMessage(), e);
        }
    }

    private static Optimizer optimizer(JsonElement e) {
        String name;
        double rate = Double.NaN;
        if (e.isJsonObject()) {
            name = string(e.getAsJsonObject(), "class_name");
            JsonObject oc = e.getAsJsonObject().getAsJsonObject("config");
            if (oc != null && oc.has("learning_rate") && oc.get("learning_rate").isJsonPrimitive()) {
                rate = oc.get("learning_rate").getAsDouble();
            }
        } else {
            name = e.getAsString();
        }
        if (Double.isNaN(rate)) {
            return Optimizers.get(name);
        }
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "sgd" -> new SGD(rate);
            case "rmsprop" -> new RMSprop(rate);
            case "adam" -> new Adam(rate);
            case "adadelta" -> new Adadelta(rate);
            case "adagrad" -> new Adagrad(rate);
            default -> Optimizers.get(name);   // its message lists the known ones
        };
    }

    private static String string(JsonObject o, String key) {
        return o.has(key) && !o.get(key).isJsonNull() ? o.get(key).getAsString() : null;
    }
}
