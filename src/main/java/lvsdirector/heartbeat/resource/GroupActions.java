package lvsdirector.heartbeat.resource;

import lvsdirector.heartbeat.config.ResourceGroup;

/** Acquiring and releasing whole haresources groups ({@code ResourceManager takegroup/givegroup}). */
public interface GroupActions {

    /** Starts the group's resources left to right; on failure the group is stopped again and this throws. */
    void acquire(ResourceGroup group) throws ResourceException;

    /** Stops the group's resources right to left (a stop that cannot succeed fences the node). */
    void release(ResourceGroup group) throws ResourceException;
}
