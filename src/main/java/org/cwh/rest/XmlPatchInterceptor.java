package org.cwh.rest;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.io.ByteArrayInputStream;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.cwh.config.InterceptorOrder;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Refuses an XML Patch ({@code application/xml-patch+xml}) whose diff holds no operation with 400. HAPI's engine
 * (dnault xml-patch, RFC 5261) applies an empty diff as a no-op, but the FHIR patch test suite expects "No Patch
 * Operations Found", and an empty patch is always a client mistake. Registered by {@link RestConfig}; always on.
 */
@Interceptor
public final class XmlPatchInterceptor {

	private static final String XML_PATCH = "application/xml-patch+xml";

	@Hook(value = Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED, order = InterceptorOrder.PROTOCOL)
	public boolean refuseEmptyXmlPatch(RequestDetails request) {
		String type = request.getHeader("Content-Type");
		if (request.getRequestType() == RequestTypeEnum.PATCH && type != null
				&& type.toLowerCase(Locale.ROOT).startsWith(XML_PATCH)) {
			requireOperations(request.loadRequestContents());
		}
		return true;
	}

	/** Throws 400 unless the diff document's root element has at least one operation element. */
	static void requireOperations(byte[] diff) {
		Element root;
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			root = factory.newDocumentBuilder().parse(new ByteArrayInputStream(diff)).getDocumentElement();
		} catch (Exception e) {
			throw new InvalidRequestException("XML Patch body is not well-formed XML: " + e.getMessage());
		}
		for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
			if (n.getNodeType() == Node.ELEMENT_NODE) {
				return;
			}
		}
		throw new InvalidRequestException("No Patch Operations Found: the XML Patch <" + root.getLocalName()
				+ "> holds no add, replace or remove");
	}
}
