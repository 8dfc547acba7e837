package lvsdirector.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lvsdirector.support.InetAddrs;

/**
 * Reads one virtual block: the header line and every following line that, with TABs as 4 spaces and any
 * "#..." removed, is indented by at least 4 spaces. Full comment lines are skipped without ending the
 * block. Fallback, address and reals are resolved at block end, when the protocol is final.
 */
final class VirtualBlockReader {
    static final Pattern HEADER = Perl.rx("^virtual(6)?\\s*=\\s*(.*)");
    private static final Pattern COMMENT = Perl.rx("^\\s*#");
    private static final Pattern INLINE_COMMENT = Perl.rx("#.*");
    private static final Pattern INDENTED = Perl.rx("^ {4,}(.+)");

    private final ParserOptions options;
    private final MessageLog log;
    private final VirtualDirectives directives;
    private final Set<String> seenIds = new HashSet<>();
    private final List<VirtualConfig> virtuals = new ArrayList<>();

    VirtualBlockReader(ParserOptions options, MessageLog log) {
        this.options = options;
        this.log = log;
        this.directives = new VirtualDirectives(options, log);
    }

    List<VirtualConfig> virtuals() {
        return virtuals;
    }

    /** Index of a header that is being read a second time (see {@link #read}), or -1. */
    private int rereadHeader = -1;

    /**
     * Reads the block whose header is lines[start]; returns the index of the line that ended it, to be read
     * again at top level. A header on the very last line is returned itself, once: ldirectord still holds
     * that line when its block loop meets end of file and parses it again, so such a virtual always ends
     * in "duplicate virtual server".
     */
    int read(List<ConfigLine> lines, int start) {
        boolean reread = start == rereadHeader;
        ConfigLine headerLine = lines.get(start);
        Matcher hm = Perl.match(HEADER, headerLine.raw());
        boolean ipv6 = hm.group(1) != null;
        boolean failed = false;
        VirtualHeader header = null;
        try {
            header = VirtualHeader.parse(hm.group(2), ipv6);
            if (header.markFromAddress() && !reread) {
                log.warn(headerLine.number(), OwnWarnings.addressReadAsMark(hm.group(2), header.markText()));
            }
        } catch (DirectiveError e) {
            log.error(headerLine.number(), e.getMessage());
            failed = true;
        }
        VirtualDraft draft = new VirtualDraft(headerLine.number(), header, ipv6);
        int lastRead = headerLine.number();
        int i = start + 1;
        for (; i < lines.size(); i++) {
            ConfigLine line = lines.get(i);
            lastRead = line.number();
            if (Perl.match(COMMENT, line.raw()) != null) {
                continue;
            }
            String stripped = INLINE_COMMENT.matcher(line.raw()).replaceFirst("").replace("\t", "    ");
            Matcher im = Perl.match(INDENTED, stripped);
            if (im == null) {
                break;
            }
            if (header == null) {
                continue; // the header was rejected: its directives would only give follow-on errors
            }
            try {
                directives.apply(draft, im.group(1), line);
            } catch (DirectiveError e) {
                log.error(line.number(), e.getMessage());
                failed = true;
            }
        }
        if (header != null) {
            failed |= !finish(draft, lastRead, failed);
        }
        if (i == start + 1 && i == lines.size() && !failed && !reread) {
            rereadHeader = start;
            return start;
        }
        return i;
    }

    /** Resolution and the duplicate check, in ldirectord's order; true when the virtual was kept. */
    private boolean finish(VirtualDraft v, int lastRead, boolean failedBefore) {
        boolean ok = !failedBefore;
        if (v.fallback != null) {
            try {
                v.resolvedFallback = FallbackParser.resolve(v.fallback, v.protocol.word(), v.ipv6, options);
            } catch (DirectiveError e) {
                log.error(v.fallbackLine, e.getMessage());
                ok = false;
            }
        }
        VirtualAddress address = resolveAddress(v);
        ok &= address != null;
        List<RealConfig> reals = new ArrayList<>();
        for (VirtualDraft.PendingReal pending : v.pendingReals) {
            try {
                reals.addAll(RealLineParser.parse(pending.value(), pending.line(), v.ipv6, options));
            } catch (DirectiveError e) {
                log.error(pending.line(), e.getMessage());
                ok = false;
            }
        }
        if (address == null) {
            return false;
        }
        if (!seenIds.add(duplicateKey(v, address))) {
            log.error(lastRead, "duplicate virtual server");
            return false;
        }
        if (!ok) {
            return false;
        }
        VirtualConfig built = v.build(address, reals);
        OwnWarnings.forVirtual(built, log);
        virtuals.add(built);
        return true;
    }

    private VirtualAddress resolveAddress(VirtualDraft v) {
        if (v.header.isMark()) {
            long mark = Perl.toLong(v.header.markText());
            if (mark > Integer.MAX_VALUE) {
                log.error(v.line, "invalid firewall mark for virtual server (at most " + Integer.MAX_VALUE + ")");
                return null;
            }
            return new VirtualAddress.Fwmark((int) mark);
        }
        VirtualAddress.HostPort hp = v.header.resolve(v.protocol.word(), options);
        if (hp == null) {
            log.error(v.line, "invalid address for virtual service");
        }
        return hp;
    }

    /** ldirectord's virtual id string: protocol (fwm6 for IPv6 marks), resolved address and port, or the mark as written. */
    private static String duplicateKey(VirtualDraft v, VirtualAddress address) {
        if (address instanceof VirtualAddress.HostPort hp) {
            // a numeric port stays as written ("00" differs from "0"); a service name becomes its number
            String port = hp.portText().matches("[0-9]+") ? hp.portText() : Integer.toString(hp.port());
            return v.protocol.word() + ":" + InetAddrs.bracketed(hp.address()) + ":" + port;
        }
        return "fwm" + (v.ipv6 ? "6" : "") + ":" + v.header.markText();
    }
}
