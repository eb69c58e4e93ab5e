// ConvBook's imports for a notebook cell: run with `%load ../kernel-lib/startup.jsh` after `%jars ../kernel-lib/*.jar`.
// Single-package imports only: `import java.awt.*;` would make `List` ambiguous and break IJava's magics.
import io.github.convbook.*;
import io.github.convbook.tensor.*;
import io.github.convbook.layers.*;
import io.github.convbook.models.*;
import io.github.convbook.optimizers.*;
import io.github.convbook.losses.*;
import io.github.convbook.metrics.*;
import io.github.convbook.ops.*;
import io.github.convbook.data.*;
import io.github.convbook.image.*;
import io.github.convbook.plot.*;
import io.github.convbook.table.*;
import io.github.convbook.display.QuickMode;
import static io.github.convbook.models.Fit.*;
// tables and small tensors also show as HTML tables in the notebook
io.github.convbook.display.Renderers.install();
