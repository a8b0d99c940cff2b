package org.cwh.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanCreationNotAllowedException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.ConstructorArgumentValues;
import org.springframework.beans.factory.config.DependencyDescriptor;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.annotation.ContextAnnotationAutowireCandidateResolver;
import org.springframework.data.envers.repository.support.EnversRevisionRepositoryFactoryBean;
import org.springframework.data.repository.core.support.RepositoryFactoryBeanSupport;
import org.springframework.util.ClassUtils;

/**
 * Creates HAPI's Spring Data repositories (the ~60 of {@code ca.uhn.fhir.jpa.dao.data}) when they are first used
 * instead of while the context starts, the way Spring Data's own {@code BootstrapMode.LAZY} does, which HAPI's
 * {@code @EnableJpaRepositories} does not ask for and we cannot edit. Creating a repository parses and validates every
 * {@code @Query} it declares (Hibernate's and Spring Data's ANTLR HQL parsers, both cold at start-up): about a third
 * of the main thread's start-up, most of it for repositories nothing touches before the first requests. Their bean
 * definitions become lazy, and every injection point of a repository type gets a lazy-resolution proxy, so a bean that
 * needs one at start-up creates just that one on its first call. Once the node serves, {@link #createAllInBackground}
 * creates the rest on a daemon thread, so early requests rarely pay for one. Each repository's queries are in turn
 * built on their first call ({@link DeferredQueryRepositoryFactoryBean}), so creating one no longer parses them all.
 */
public final class LazyRepositories implements BeanFactoryPostProcessor {

	private static final Logger log = LoggerFactory.getLogger(LazyRepositories.class);

	private final List<String> beanNames = new ArrayList<>();
	private BeanFactory beans;

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory factory) {
		ClassLoader loader = factory.getBeanClassLoader();
		Set<String> interfaces = new TreeSet<>();
		for (String name : factory.getBeanDefinitionNames()) {
			BeanDefinition definition = factory.getBeanDefinition(name);
			String className = definition.getBeanClassName();
			if (className == null || !isRepositoryFactoryBean(className, loader)) {
				continue;
			}
			ConstructorArgumentValues.ValueHolder repositoryInterface =
					definition.getConstructorArgumentValues().getIndexedArgumentValue(0, null);
			if (repositoryInterface == null || !(repositoryInterface.getValue() instanceof String type)) {
				continue;
			}
			definition.setLazyInit(true);
			if (EnversRevisionRepositoryFactoryBean.class.getName().equals(className)) {
				definition.setBeanClassName(DeferredQueryRepositoryFactoryBean.class.getName());
			}
			interfaces.add(type);
			beanNames.add(name);
		}
		if (interfaces.isEmpty()) {
			return;
		}
		if (!(factory instanceof DefaultListableBeanFactory listable)
				|| listable.getAutowireCandidateResolver().getClass() != ContextAnnotationAutowireCandidateResolver.class) {
			// Someone else resolves injection points: leave the repositories eager rather than half lazy.
			beanNames.forEach(name -> factory.getBeanDefinition(name).setLazyInit(false));
			beanNames.clear();
			log.warn("repositories: the context has its own autowire candidate resolver; repositories stay eager");
			return;
		}
		listable.setAutowireCandidateResolver(new ContextAnnotationAutowireCandidateResolver() {
			@Override
			protected boolean isLazy(DependencyDescriptor descriptor) {
				return interfaces.contains(descriptor.getDependencyType().getName()) || super.isLazy(descriptor);
			}
		});
		beans = factory;
	}

	private static boolean isRepositoryFactoryBean(String className, ClassLoader loader) {
		try {
			return RepositoryFactoryBeanSupport.class.isAssignableFrom(ClassUtils.forName(className, loader));
		} catch (ClassNotFoundException | LinkageError e) {
			return false;
		}
	}

	/**
	 * Creates, on a daemon thread, every repository not created yet. Called once the node serves; a failure is only
	 * logged, because the request that first uses that repository will meet (and report) the same failure.
	 */
	public void createAllInBackground() {
		if (beans == null || beanNames.isEmpty()) {
			return;
		}
		long atStart = beanNames.stream().filter(((ConfigurableListableBeanFactory) beans)::containsSingleton).count();
		log.info("repositories: {} of {} created during start-up", atStart, beanNames.size());
		Thread thread = new Thread(() -> {
			long started = System.nanoTime();
			try {
				for (String name : beanNames) {
					beans.getBean(name);
				}
				log.info("repositories: {} created in the background in {} ms", beanNames.size(),
						(System.nanoTime() - started) / 1_000_000);
			} catch (BeanCreationNotAllowedException e) {
				// The node is stopping: its context refuses new beans, and nothing will use them.
				log.info("repositories: the node stopped before all were created");
			} catch (RuntimeException e) {
				log.warn("repositories: creating them in the background failed: {}", e.toString());
			}
		}, "cwh-repositories");
		thread.setDaemon(true);
		thread.start();
	}
}
