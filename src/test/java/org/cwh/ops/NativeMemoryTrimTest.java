package org.cwh.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** On this project's JVM (Linux, glibc, JDK 17 with System.trim_native_heap) the node trims; closing stops it. */
class NativeMemoryTrimTest {

	@Test
	void trimsAndReportsWhatItGaveBack() {
		assertThat(NativeMemoryTrim.trimOnce()).hasValueSatisfying(answer -> assertThat(answer).contains("RSS"));
	}

	@Test
	void runsUntilClosed() {
		NativeMemoryTrim trim = NativeMemoryTrim.start();
		assertThat(trim.running()).isTrue();
		trim.close();
		assertThat(trim.running()).isFalse();
	}
}
