package io.imagestreams.importer.client;

import java.math.BigInteger;
import java.net.InetAddress;

/** An address range such as {@code 169.254.0.0/16} or {@code fe80::/10}; a bare address is a range of one. */
public record Cidr(InetAddress network, int prefixLength, String text) {

    /**
     * Parses {@code address[/prefix]}; only literal addresses are accepted (never a name lookup).
     *
     * @throws IllegalArgumentException naming the bad range
     */
    public static Cidr parse(String text) {
        String trimmed = text.trim();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        InetAddress network = HostPort.literalAddress(address)
                .orElseThrow(() -> new IllegalArgumentException("not an IP address range: \"" + text + "\""));
        int bits = network.getAddress().length * 8;
        int prefix;
        try {
            prefix = slash < 0 ? bits : Integer.parseInt(trimmed.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an IP address range: \"" + text + "\"", e);
        }
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("prefix length out of range in \"" + text + "\"");
        }
        return new Cidr(network, prefix, trimmed);
    }

    public boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        byte[] base = network.getAddress();
        if (candidate.length != base.length) {
            return false;
        }
        int bits = base.length * 8;
        BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                .xor(BigInteger.ONE.shiftLeft(bits - prefixLength).subtract(BigInteger.ONE));
        return new BigInteger(1, candidate).and(mask).equals(new BigInteger(1, base).and(mask));
    }

    @Override
    public String toString() {
        return text;
    }
}
