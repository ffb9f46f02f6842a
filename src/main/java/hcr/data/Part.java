package hcr.data;

/** STAND-IN for the data branch's contract (take data's version on merge). */
public enum Part { TRAIN, TEST, DEV, EXTRA }
