package io.porterbench.dashboard.cli;

import picocli.CommandLine.IVersionProvider;

/**
 * The tool's version, from the jar's manifest.
 */
final class CliVersion implements IVersionProvider {

	@Override
	public String[] getVersion() {
		String version = PorterBenchCli.class.getPackage().getImplementationVersion();
		return new String[] { "porter-bench-dashboard " + ((version != null) ? version : "(development build)") };
	}

}
