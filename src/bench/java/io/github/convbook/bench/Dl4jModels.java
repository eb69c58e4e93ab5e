package io.github.convbook.bench;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.Upsampling2D;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.AdaDelta;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** The same three models in Deeplearning4j 1.0.0-M2.1 (its native NCHW layout), for the speed comparison. */
final class Dl4jModels {
    private Dl4jModels() {
    }

    private static ConvolutionLayer conv(int filters, Activation activation, ConvolutionMode mode) {
        return new ConvolutionLayer.Builder(3, 3).nOut(filters).activation(activation).convolutionMode(mode).build();
    }

    private static SubsamplingLayer pool(ConvolutionMode mode) {
        return new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2)
                .convolutionMode(mode).build();
    }

    static MultiLayerNetwork convnet() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(42)
                .weightInit(WeightInit.XAVIER_UNIFORM).updater(new RmsProp(0.001, 0.9, 1e-7)).list()
                .layer(conv(32, Activation.RELU, ConvolutionMode.Truncate))
                .layer(pool(ConvolutionMode.Truncate))
                .layer(conv(64, Activation.RELU, ConvolutionMode.Truncate))
                .layer(pool(ConvolutionMode.Truncate))
                .layer(conv(128, Activation.RELU, ConvolutionMode.Truncate))
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(10)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(28, 28, 1)).build();
        return init(conf);
    }

    static MultiLayerNetwork mlp() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(42)
                .weightInit(WeightInit.XAVIER_UNIFORM).updater(new Adam(0.001, 0.9, 0.999, 1e-7)).list()
                .layer(new DenseLayer.Builder().nOut(512).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nOut(512).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(10)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.feedForward(784)).build();
        return init(conf);
    }

    static MultiLayerNetwork autoencoder() {
        ConvolutionMode same = ConvolutionMode.Same;
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(42)
                .weightInit(WeightInit.XAVIER_UNIFORM).updater(new AdaDelta()).list()
                .layer(conv(16, Activation.RELU, same)).layer(pool(same))
                .layer(conv(8, Activation.RELU, same)).layer(pool(same))
                .layer(conv(4, Activation.RELU, same)).layer(pool(same))
                .layer(conv(4, Activation.RELU, same)).layer(new Upsampling2D.Builder(2).build())
                .layer(conv(8, Activation.RELU, same)).layer(new Upsampling2D.Builder(2).build())
                .layer(conv(16, Activation.RELU, ConvolutionMode.Truncate)).layer(new Upsampling2D.Builder(2).build())
                .layer(conv(1, Activation.SIGMOID, same))
                .layer(new CnnLossLayer.Builder(LossFunctions.LossFunction.XENT)
                        .activation(Activation.IDENTITY).build())
                .setInputType(InputType.convolutional(28, 28, 1)).build();
        return init(conf);
    }

    private static MultiLayerNetwork init(MultiLayerConfiguration conf) {
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }
}
