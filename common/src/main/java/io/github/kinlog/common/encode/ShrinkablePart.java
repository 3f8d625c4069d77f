package io.github.kinlog.common.encode;

/** Parts that can be shrunk to make a record fit. */
enum ShrinkablePart {
    MESSAGE(EventField.MESSAGE.jsonName(), false, 2),
    ERROR_MESSAGE(NestedField.ERROR_MESSAGE.flatName(), false, 2),
    STACK(NestedField.ERROR_STACK.flatName(), false, 2),
    MDC(EventField.MDC.jsonName(), false, 2),
    FIELDS(EventField.FIELDS.jsonName(), false, 2),
    MARKERS(EventField.MARKERS.jsonName(), true, 2),
    NDC(EventField.NDC.jsonName(), true, 2);

    static final ShrinkablePart[] ALL = values();

    final String cutName;
    final boolean isArray;
    /** The size of the part's JSON when nothing of it is left ("" or {} or []). */
    final int emptySize;

    ShrinkablePart(String cutName, boolean isArray, int emptySize) {
        this.cutName = cutName;
        this.isArray = isArray;
        this.emptySize = emptySize;
    }
}
