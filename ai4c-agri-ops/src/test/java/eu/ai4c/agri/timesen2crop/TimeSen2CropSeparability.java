package eu.ai4c.agri.timesen2crop;

import eu.ai4c.agri.timesen2crop.synthetic.SyntheticTimeSen2Crop;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.testing.NumPy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * How learnable the synthetic TimeSen2Crop classes are: writes {@code args[0]} (default 150)
 * samples per class on two tiles, exports monthly medians and raw series with a 30 % validation
 * part, and prints NumPy's validation accuracy of nearest-centroid, 5-nearest-neighbour and a
 * one-hidden-layer network (a proxy for the LSTM) on standardised features. A study of the
 * generator's data, not a timing (timings are {@code ai4c bench} entries); not a unit test.
 */
public final class TimeSen2CropSeparability {
    public static void main(String[] args) throws Exception {
        int perClass = args.length > 0 ? Integer.parseInt(args[0]) : 150;
        Path dir = Files.createTempDirectory("ts2c-bench");
        long t0 = System.nanoTime();
        SyntheticTimeSen2Crop.write(dir.resolve("data"), perClass, 7, "33UVP", "33TWN");
        long t1 = System.nanoTime();
        double exportSeconds = 0;
        for (boolean monthly : new boolean[] {true, false}) {
            Path out = dir.resolve(monthly ? "monthly" : "raw");
            long e0 = System.nanoTime();
            TimeSen2CropExport.export(new TimeSen2CropExport.Request(dir.resolve("data"), List.of(), out, monthly, 2017,
                    0.3, 1), ProcessingContext.defaults());
            exportSeconds += (System.nanoTime() - e0) / 1e9;
            System.out.print((monthly ? "monthly" : "raw") + ": " + NumPy.run(SCRIPT.replace("OUT", out.toString())));
        }
        System.out.printf("generate %d samples: %.1f s, export monthly + raw: %.1f s%n", perClass * 32,
                (t1 - t0) / 1e9, exportSeconds);
    }

    private static final String SCRIPT = String.join("\n",
            "import numpy as np",
            "X=np.load('OUT/train.npy'); y=np.load('OUT/y_train.npy'); V=np.load('OUT/val/train.npy'); w=np.load('OUT/val/y_train.npy')",
            "def feat(A):",
            "    A=A.astype(np.float64)/10000; n=A[...,6]; r=A[...,2]; nd=(n-r)/(n+r+1e-6)",
            "    return np.concatenate([A.reshape(len(A),-1), nd], axis=1)",
            "F=feat(X); G=feat(V); mu=F.mean(0); sd=F.std(0)+1e-9; F=(F-mu)/sd; G=(G-mu)/sd",
            "C=np.stack([F[y==c].mean(0) for c in range(16)])",
            "nc=(np.argmin(((G[:,None,:]-C[None])**2).sum(-1),1)==w).mean()",
            "D=((G**2).sum(1)[:,None]-2*G@F.T+(F**2).sum(1)[None]); nn=np.argsort(D,1)[:,:5]",
            "knn=(np.array([np.bincount(y[i],minlength=16).argmax() for i in nn])==w).mean()",
            "rng=np.random.default_rng(0); H=128; W1=rng.normal(0,1/np.sqrt(F.shape[1]),(F.shape[1],H)); b1=np.zeros(H)",
            "W2=rng.normal(0,1/np.sqrt(H),(H,16)); b2=np.zeros(16); Y=np.eye(16)[y]",
            "for ep in range(300):",
            "    h=np.maximum(F@W1+b1,0); z=h@W2+b2; p=np.exp(z-z.max(1,keepdims=True)); p/=p.sum(1,keepdims=True)",
            "    g=(p-Y)/len(F); gW2=h.T@g; gh=g@W2.T*(h>0); gW1=F.T@gh",
            "    W2-=0.5*gW2+1e-4*W2; b2-=0.5*g.sum(0); W1-=0.5*gW1+1e-4*W1; b1-=0.5*gh.sum(0)",
            "h=np.maximum(G@W1+b1,0); mlp=(np.argmax(h@W2+b2,1)==w).mean()",
            "print(X.shape, 'nearest-centroid %.3f  5-NN %.3f  MLP %.3f' % (nc, knn, mlp))");
}
