package io.vidlog.command.archfixture;

import io.vidlog.app.VidlogApplication;

/** A deliberate violation, evaluated only by ModuleDependencyRulesTest to show that the module rule bites. */
public class CommandSideReachingIntoTheApp {

    public Class<?> reachIntoTheApp() {
        return VidlogApplication.class;
    }
}
