// ConvBook's imports for a notebook cell: run with `%load ../kernel-lib/startup.jsh` after `%jars ../kernel-lib/*.jar`.
// Single-package imports only: `import java.awt.*;` would make `List` ambiguous and break IJava's magics.
import io.github.convbook.*;
import io.github.convbook.tensor.*;
import io.github.convbook.layers.*;
import io.github.convbook.models.*;
import io.github.convbook.ops.*;
import io.github.convbook.plot.*;
