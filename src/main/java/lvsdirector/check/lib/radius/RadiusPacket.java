package lvsdirector.check.lib.radius;

import java.io.ByteArrayOutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Encodes Access-Requests and checks replies (RFC 2865 §3, §5.2; RFC 3579 §3.2 Message-Authenticator). */
final class RadiusPacket {
    static final int ACCESS_REQUEST = 1;
    static final int ACCESS_ACCEPT = 2;
    static final int ACCESS_REJECT = 3;
    static final int ACCESS_CHALLENGE = 11;
    private static final int USER_NAME = 1;
    private static final int USER_PASSWORD = 2;
    private static final int NAS_IP_ADDRESS = 4;
    private static final int NAS_IPV6_ADDRESS = 95;
    private static final int MESSAGE_AUTHENTICATOR = 80;
    private static final int HEADER = 20;

    private RadiusPacket() {}

    /** An Access-Request; {@code authenticator} is the 16 random bytes of the Request Authenticator. */
    static byte[] accessRequest(int id, byte[] authenticator, String secret, String user, String password,
                                InetAddress nasAddress) {
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream attributes = new ByteArrayOutputStream();
        attribute(attributes, USER_NAME, user.getBytes(StandardCharsets.UTF_8));
        attribute(attributes, USER_PASSWORD, hidePassword(password.getBytes(StandardCharsets.UTF_8), key,
                authenticator));
        if (nasAddress != null) {
            attribute(attributes, nasAddress instanceof Inet4Address ? NAS_IP_ADDRESS : NAS_IPV6_ADDRESS,
                    nasAddress.getAddress());
        }
        int messageAuthenticatorAt = HEADER + attributes.size() + 2;
        attribute(attributes, MESSAGE_AUTHENTICATOR, new byte[16]);
        byte[] packet = new byte[HEADER + attributes.size()];
        packet[0] = ACCESS_REQUEST;
        packet[1] = (byte) id;
        packet[2] = (byte) (packet.length >> 8);
        packet[3] = (byte) packet.length;
        System.arraycopy(authenticator, 0, packet, 4, 16);
        System.arraycopy(attributes.toByteArray(), 0, packet, HEADER, attributes.size());
        System.arraycopy(hmacMd5(key, packet), 0, packet, messageAuthenticatorAt, 16);
        return packet;
    }

    /** User-Password hiding: pad to 16-byte blocks, then c(i) = p(i) xor MD5(secret + c(i-1)), c(0) = RA. */
    static byte[] hidePassword(byte[] password, byte[] secret, byte[] requestAuthenticator) {
        if (password.length > 128) {
            throw new IllegalArgumentException("RADIUS password longer than 128 bytes");
        }
        int blocks = Math.max(1, (password.length + 15) / 16);
        byte[] hidden = Arrays.copyOf(password, blocks * 16);
        byte[] previous = requestAuthenticator;
        for (int block = 0; block < blocks; block++) {
            byte[] pad = md5(secret, previous);
            for (int i = 0; i < 16; i++) {
                hidden[block * 16 + i] ^= pad[i];
            }
            previous = Arrays.copyOfRange(hidden, block * 16, block * 16 + 16);
        }
        return hidden;
    }

    /**
     * The reply's code if it answers request {@code id} and its Response Authenticator
     * (MD5(code+id+length+request authenticator+attributes+secret)) is right; -1 otherwise.
     */
    static int verifiedReplyCode(byte[] reply, int id, byte[] requestAuthenticator, String secret) {
        if (reply.length < HEADER || (reply[1] & 0xff) != id) {
            return -1;
        }
        int length = ((reply[2] & 0xff) << 8) | (reply[3] & 0xff);
        if (length < HEADER || length > reply.length) {
            return -1;
        }
        byte[] copy = Arrays.copyOf(reply, length);
        byte[] claimed = Arrays.copyOfRange(copy, 4, 20);
        System.arraycopy(requestAuthenticator, 0, copy, 4, 16);
        byte[] expected = md5(copy, secret.getBytes(StandardCharsets.UTF_8));
        return MessageDigest.isEqual(claimed, expected) ? reply[0] & 0xff : -1;
    }

    static String codeName(int code) {
        return switch (code) {
            case ACCESS_ACCEPT -> "Access-Accept";
            case ACCESS_REJECT -> "Access-Reject";
            case ACCESS_CHALLENGE -> "Access-Challenge";
            default -> "RADIUS code " + code;
        };
    }

    private static void attribute(ByteArrayOutputStream out, int type, byte[] value) {
        if (value.length > 253) {
            throw new IllegalArgumentException("RADIUS attribute " + type + " longer than 253 bytes");
        }
        out.write(type);
        out.write(value.length + 2);
        out.writeBytes(value);
    }

    private static byte[] md5(byte[] first, byte[] second) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update(first);
            md5.update(second);
            return md5.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 unavailable", e);
        }
    }

    private static byte[] hmacMd5(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacMD5");
            // an empty secret is legal in RADIUS but not for SecretKeySpec
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacMD5"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacMD5 unavailable", e);
        }
    }
}
