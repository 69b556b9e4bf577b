package dev.paceline.files;

import dev.paceline.files.ActivityFileException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** What the TCX and GPX readers share: a hardened StAX factory, the leading-whitespace fix, and time and number parsing. */
final class XmlTracks {

    private static final XMLInputFactory FACTORY = factory();

    private XmlTracks() {
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        // untrusted input: no DTDs, no external entities (XXE), no entity expansion (billion laughs)
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return f;
    }

    /**
     * A streaming reader over {@code in} after skipping whitespace and a UTF-8 byte-order mark before the first
     * {@code <}: Strava's TCX exports start with spaces before {@code <?xml}, which XML forbids.
     */
    static XMLStreamReader open(InputStream in, String name) throws IOException {
        PushbackInputStream p = new PushbackInputStream(in, 4);
        int b;
        int skipped = 0;
        while ((b = p.read()) >= 0) {
            if (b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == 0xEF || b == 0xBB || b == 0xBF) {
                if (++skipped > 1_000_000) {
                    break;
                }
                continue;
            }
            p.unread(b);
            break;
        }
        if (b < 0) {
            throw new ActivityFileException(Reason.CORRUPT, name + " is empty: export the activity again.");
        }
        try {
            return FACTORY.createXMLStreamReader(p, "UTF-8");
        } catch (XMLStreamException e) {
            throw malformed(name, e);
        }
    }

    static ActivityFileException malformed(String name, XMLStreamException e) {
        String m = String.valueOf(e.getMessage()).replace('\n', ' ');
        boolean eof = m.contains("end of file") || m.contains("EOF") || m.contains("Premature end")
                || m.contains("XML document structures must start and end");
        return new ActivityFileException(eof ? Reason.TRUNCATED : Reason.CORRUPT, name + (eof
                ? " ends before its XML does (" + m + "): the upload or copy was interrupted — take the original again."
                : " is not well-formed XML (" + m + "): the file is damaged — export it again."), e);
    }

    /** An ISO-8601 time with an offset, or without one read as UTC; null when unreadable. */
    static Instant time(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    static double number(String text) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    static double attribute(XMLStreamReader r, String local) {
        for (int i = 0; i < r.getAttributeCount(); i++) {
            if (local.equals(r.getAttributeLocalName(i))) {
                return number(r.getAttributeValue(i));
            }
        }
        return Double.NaN;
    }

    static String attributeText(XMLStreamReader r, String local) {
        for (int i = 0; i < r.getAttributeCount(); i++) {
            if (local.equals(r.getAttributeLocalName(i))) {
                return r.getAttributeValue(i);
            }
        }
        return null;
    }
}
