package io.imagestreams.api.image;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.imagestreams.api.json.ImageApiJson;
import io.imagestreams.api.json.KeySetDeserializer;
import io.imagestreams.api.json.KeySetSerializer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The container configuration of a docker "1.0" image ({@code docker10.DockerConfig}), with Go's capitalised
 * field names. Every field is {@code omitempty}; collections are never {@code null}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"Hostname", "Domainname", "User", "Memory", "MemorySwap", "CpuShares", "Cpuset", "AttachStdin",
        "AttachStdout", "AttachStderr", "PortSpecs", "ExposedPorts", "Tty", "OpenStdin", "StdinOnce", "Env", "Cmd",
        "Dns", "Image", "Volumes", "VolumesFrom", "WorkingDir", "Entrypoint", "NetworkDisabled", "SecurityOpts",
        "OnBuild", "Labels"})
public class DockerConfig {

    @JsonProperty("Hostname")
    @JsonInclude(Include.NON_EMPTY)
    private String hostname;
    @JsonProperty("Domainname")
    @JsonInclude(Include.NON_EMPTY)
    private String domainname;
    @JsonProperty("User")
    @JsonInclude(Include.NON_EMPTY)
    private String user;
    @JsonProperty("Memory")
    @JsonInclude(Include.NON_DEFAULT)
    private long memory;
    @JsonProperty("MemorySwap")
    @JsonInclude(Include.NON_DEFAULT)
    private long memorySwap;
    @JsonProperty("CpuShares")
    @JsonInclude(Include.NON_DEFAULT)
    private long cpuShares;
    @JsonProperty("Cpuset")
    @JsonInclude(Include.NON_EMPTY)
    private String cpuset;
    @JsonProperty("AttachStdin")
    @JsonInclude(Include.NON_DEFAULT)
    private boolean attachStdin;
    @JsonProperty("AttachStdout")
    @JsonInclude(Include.NON_DEFAULT)
    private boolean attachStdout;
    @JsonProperty("AttachStderr")
    @JsonInclude(Include.NON_DEFAULT)
    private boolean attachStderr;
    @JsonProperty("PortSpecs")
    @JsonInclude(Include.NON_EMPTY)
    private List<String> portSpecs = new ArrayList<>();
    @JsonProperty("ExposedPorts")
    @JsonInclude(Include.NON_EMPTY)
    @JsonSerialize(using = KeySetSerializer.class)
    @JsonDeserialize(using = KeySetDeserializer.class)
    private SortedSet<String> exposedPorts = new TreeSet<>();
    @JsonProperty("Tty")
    @JsonInclude(Include.NON_DEFAULT)
    private boolean tty;
    @JsonProperty("OpenStdin")
    @JsonInclude(Include.NON_DEFAULT)
    private boolean openStdin;
    @JsonProperty("StdinOnce")
    @JsonInclude(Include.NON_DEFAULT)
    private boolean stdinOnce;
    @JsonProperty("Env")
    @JsonInclude(Include.NON_EMPTY)
    private List<String> env = new ArrayList<>();
    @JsonProperty("Cmd")
    @JsonInclude(Include.NON_EMPTY)
    private List<String> cmd = new ArrayList<>();
    @JsonProperty("Dns")
    @JsonInclude(Include.NON_EMPTY)
    private List<String> dns = new ArrayList<>();
    @JsonProperty("Image")
    @JsonInclude(Include.NON_EMPTY)
    private String image;
    @JsonProperty("Volumes")
    @JsonInclude(Include.NON_EMPTY)
    @JsonSerialize(using = KeySetSerializer.class)
    @JsonDeserialize(using = KeySetDeserializer.class)
    private SortedSet<String> volumes = new TreeSet<>();
    @JsonProperty("VolumesFrom")
    @JsonInclude(Include.NON_EMPTY)
    private String volumesFrom;
    @JsonProperty("WorkingDir")
    @JsonInclude(Include.NON_EMPTY)
    private String workingDir;
    @JsonProperty("Entrypoint")
    @JsonInclude(Include.NON_EMPTY)
    private List<String> entrypoint = new ArrayList<>();
    @JsonProperty("NetworkDisabled")
    @JsonInclude(Include.NON_DEFAULT)
    private boolean networkDisabled;
    @JsonProperty("SecurityOpts")
    @JsonInclude(Include.NON_EMPTY)
    private List<String> securityOpts = new ArrayList<>();
    @JsonProperty("OnBuild")
    @JsonInclude(Include.NON_EMPTY)
    private List<String> onBuild = new ArrayList<>();
    @JsonProperty("Labels")
    @JsonInclude(Include.NON_EMPTY)
    private SortedMap<String, String> labels = new TreeMap<>();

    public String getHostname() {
        return hostname;
    }

    public void setHostname(String hostname) {
        this.hostname = hostname;
    }

    public String getDomainname() {
        return domainname;
    }

    public void setDomainname(String domainname) {
        this.domainname = domainname;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public long getMemory() {
        return memory;
    }

    public void setMemory(long memory) {
        this.memory = memory;
    }

    public long getMemorySwap() {
        return memorySwap;
    }

    public void setMemorySwap(long memorySwap) {
        this.memorySwap = memorySwap;
    }

    public long getCpuShares() {
        return cpuShares;
    }

    public void setCpuShares(long cpuShares) {
        this.cpuShares = cpuShares;
    }

    public String getCpuset() {
        return cpuset;
    }

    public void setCpuset(String cpuset) {
        this.cpuset = cpuset;
    }

    public boolean isAttachStdin() {
        return attachStdin;
    }

    public void setAttachStdin(boolean attachStdin) {
        this.attachStdin = attachStdin;
    }

    public boolean isAttachStdout() {
        return attachStdout;
    }

    public void setAttachStdout(boolean attachStdout) {
        this.attachStdout = attachStdout;
    }

    public boolean isAttachStderr() {
        return attachStderr;
    }

    public void setAttachStderr(boolean attachStderr) {
        this.attachStderr = attachStderr;
    }

    public List<String> getPortSpecs() {
        return portSpecs;
    }

    public void setPortSpecs(List<String> portSpecs) {
        this.portSpecs = copy(portSpecs);
    }

    /** Exposed ports such as {@code 8080/tcp}, sorted. */
    public SortedSet<String> getExposedPorts() {
        return exposedPorts;
    }

    public void setExposedPorts(Set<String> exposedPorts) {
        this.exposedPorts = sorted(exposedPorts);
    }

    public boolean isTty() {
        return tty;
    }

    public void setTty(boolean tty) {
        this.tty = tty;
    }

    public boolean isOpenStdin() {
        return openStdin;
    }

    public void setOpenStdin(boolean openStdin) {
        this.openStdin = openStdin;
    }

    public boolean isStdinOnce() {
        return stdinOnce;
    }

    public void setStdinOnce(boolean stdinOnce) {
        this.stdinOnce = stdinOnce;
    }

    public List<String> getEnv() {
        return env;
    }

    public void setEnv(List<String> env) {
        this.env = copy(env);
    }

    public List<String> getCmd() {
        return cmd;
    }

    public void setCmd(List<String> cmd) {
        this.cmd = copy(cmd);
    }

    public List<String> getDns() {
        return dns;
    }

    public void setDns(List<String> dns) {
        this.dns = copy(dns);
    }

    public String getImage() {
        return image;
    }

    public void setImage(String image) {
        this.image = image;
    }

    /** Volume mount points, sorted. */
    public SortedSet<String> getVolumes() {
        return volumes;
    }

    public void setVolumes(Set<String> volumes) {
        this.volumes = sorted(volumes);
    }

    public String getVolumesFrom() {
        return volumesFrom;
    }

    public void setVolumesFrom(String volumesFrom) {
        this.volumesFrom = volumesFrom;
    }

    public String getWorkingDir() {
        return workingDir;
    }

    public void setWorkingDir(String workingDir) {
        this.workingDir = workingDir;
    }

    public List<String> getEntrypoint() {
        return entrypoint;
    }

    public void setEntrypoint(List<String> entrypoint) {
        this.entrypoint = copy(entrypoint);
    }

    public boolean isNetworkDisabled() {
        return networkDisabled;
    }

    public void setNetworkDisabled(boolean networkDisabled) {
        this.networkDisabled = networkDisabled;
    }

    public List<String> getSecurityOpts() {
        return securityOpts;
    }

    public void setSecurityOpts(List<String> securityOpts) {
        this.securityOpts = copy(securityOpts);
    }

    public List<String> getOnBuild() {
        return onBuild;
    }

    public void setOnBuild(List<String> onBuild) {
        this.onBuild = copy(onBuild);
    }

    /** Image labels, sorted by key. */
    public SortedMap<String, String> getLabels() {
        return labels;
    }

    public void setLabels(Map<String, String> labels) {
        this.labels = labels == null ? new TreeMap<>() : new TreeMap<>(labels);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof DockerConfig other
                && Objects.equals(hostname, other.hostname)
                && Objects.equals(domainname, other.domainname)
                && Objects.equals(user, other.user)
                && memory == other.memory
                && memorySwap == other.memorySwap
                && cpuShares == other.cpuShares
                && Objects.equals(cpuset, other.cpuset)
                && attachStdin == other.attachStdin
                && attachStdout == other.attachStdout
                && attachStderr == other.attachStderr
                && portSpecs.equals(other.portSpecs)
                && exposedPorts.equals(other.exposedPorts)
                && tty == other.tty
                && openStdin == other.openStdin
                && stdinOnce == other.stdinOnce
                && env.equals(other.env)
                && cmd.equals(other.cmd)
                && dns.equals(other.dns)
                && Objects.equals(image, other.image)
                && volumes.equals(other.volumes)
                && Objects.equals(volumesFrom, other.volumesFrom)
                && Objects.equals(workingDir, other.workingDir)
                && entrypoint.equals(other.entrypoint)
                && networkDisabled == other.networkDisabled
                && securityOpts.equals(other.securityOpts)
                && onBuild.equals(other.onBuild)
                && labels.equals(other.labels);
    }

    @Override
    public int hashCode() {
        return Objects.hash(hostname, domainname, user, memory, memorySwap, cpuShares, cpuset, attachStdin,
                attachStdout, attachStderr, portSpecs, exposedPorts, tty, openStdin, stdinOnce, env, cmd, dns, image,
                volumes, volumesFrom, workingDir, entrypoint, networkDisabled, securityOpts, onBuild, labels);
    }

    @Override
    public String toString() {
        return ImageApiJson.toJsonString(this);
    }

    private static List<String> copy(List<String> values) {
        return values == null ? new ArrayList<>() : new ArrayList<>(values);
    }

    private static SortedSet<String> sorted(Collection<String> values) {
        return values == null ? new TreeSet<>() : new TreeSet<>(values);
    }
}
