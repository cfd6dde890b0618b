package fr.aam.web.conneg;

import java.util.List;

/** No offered format satisfies the Accept header: answered 406, listing the types available here. */
public class NotAcceptableException extends RuntimeException {
    private final transient List<Format> available;

    public NotAcceptableException(String accept, List<Format> available) {
        super("None of the types accepted (" + accept + ") is available here; available: "
            + available.stream().map(Format::mediaType).toList());
        this.available = List.copyOf(available);
    }

    public List<Format> available() { return available; }
}
