package io.ganglion.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ganglion.engine.mediator.ReadContext.Reference;
import io.ganglion.engine.mediator.ReadContext.ReferenceKind;
import io.ganglion.engine.mediator.Sequence;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReferenceValidatorTest {

    private final Configuration config = Configuration.builder()
            .sequence(new Sequence("seq", null, List.of(), null))
            .localEntry(new LocalEntry("entry", "text", null, null))
            .template(new SequenceTemplate("tpl", List.of(), Sequence.anonymous(List.of()), null))
            .build();

    private static Reference ref(ReferenceKind kind, String key) {
        return new Reference(kind, key, new Location("f.xml", 4, 2));
    }

    @Test
    void reportsOnlyKeysThatNameNothingOfTheirKind() {
        List<Reference> refs = List.of(
                ref(ReferenceKind.SEQUENCE, "seq"), ref(ReferenceKind.SEQUENCE, "entry"),
                ref(ReferenceKind.LOCAL_ENTRY, "entry"), ref(ReferenceKind.LOCAL_ENTRY, "seq"),
                ref(ReferenceKind.ENTRY, "seq"), ref(ReferenceKind.ENTRY, "entry"), ref(ReferenceKind.ENTRY, "none"),
                ref(ReferenceKind.TEMPLATE, "tpl"), ref(ReferenceKind.TEMPLATE, "seq"),
                ref(ReferenceKind.ENDPOINT, "ep"));
        assertEquals(List.of(
                "f.xml:4:2: sequence 'entry' is not defined",
                "f.xml:4:2: local entry 'seq' is not defined",
                "f.xml:4:2: entry 'none' is not defined",
                "f.xml:4:2: template 'seq' is not defined",
                "f.xml:4:2: endpoint 'ep' is not defined"),
                ReferenceValidator.check(refs, config).stream().map(ConfigProblem::toString).toList());
    }

    @Test
    void dynamicKeysAndBuiltInSequencesAreFine() {
        List<Reference> refs = List.of(ref(ReferenceKind.SEQUENCE, "{//route}"), ref(ReferenceKind.ENTRY, " {$ctx:x} "),
                ref(ReferenceKind.SEQUENCE, "main"), ref(ReferenceKind.SEQUENCE, "fault"));
        assertEquals(List.of(), ReferenceValidator.check(refs, config));
    }
}
