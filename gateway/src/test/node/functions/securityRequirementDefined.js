// Checks one OpenAPI 3.x Security Requirement Object as OpenAPI 3.1 (section 4.8.30) defines it; it
// replaces spectral:oas's oas3-operation-security-defined (.spectral.yaml says why).
//  - Every name must be a scheme in components.securitySchemes, with a list as its value.
//  - oauth2: the list holds scopes, each of which must be one of the scheme's flows' scopes.
//  - openIdConnect: the list holds scopes too, but they are the provider's (its discovery document),
//    not in this document: nothing to check here.
//  - any other type (http, apiKey, mutualTLS): the list MAY name roles, "not otherwise defined or
//    exchanged in-band": nothing to check either.
export default function securityRequirementDefined(requirement, _options, { document, path }) {
  if (requirement === null || typeof requirement !== 'object' || Array.isArray(requirement)) {
    return [{ message: 'A security requirement must be an object.', path }];
  }
  const schemes = document.data?.components?.securitySchemes ?? {};
  const results = [];
  for (const [name, names] of Object.entries(requirement)) {
    const scheme = schemes[name];
    if (scheme === undefined) {
      results.push({ message: `"${name}" must be a scheme defined in components.securitySchemes.`, path: [...path, name] });
    } else if (!Array.isArray(names)) {
      results.push({ message: `The value of "${name}" must be a list.`, path: [...path, name] });
    } else if (scheme.type === 'oauth2') {
      const scopes = new Set(Object.values(scheme.flows ?? {}).flatMap((flow) => Object.keys(flow?.scopes ?? {})));
      names.forEach((scope, i) => {
        if (!scopes.has(scope)) {
          results.push({ message: `"${scope}" must be listed among the scopes of "${name}".`, path: [...path, name, i] });
        }
      });
    }
  }
  return results;
}
