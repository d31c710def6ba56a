namespace AgentCompliance.Core.Tests.Configuration;

/// <summary>Small malformed profiles, one defect each, with the position a user's editor should jump to.</summary>
internal static class MalformedProfileCases
{
    public static IReadOnlyList<MalformedInputCase> All { get; } =
    [
        new("unclosed quote", """
            version: 1
            name: "demo
            """, 2, 7, "quoted value is never closed", "closing quote"),

        new("list bracket never closed", "version: 1\nname: a\nfeatures: [features\nsystemModel: model.yaml\n",
            3, 11, "'[' list is not closed", "close the list with ']'"),

        new("tab used for indentation", "version: 1\nname: demo\ntarget:\n\tagentGateway: {baseUrl: \"https://gw.test/\"}\n",
            4, 1, "tab character is used for indentation", "spaces"),

        new("duplicate key", """
            version: 1
            name: a
            name: b
            """, 3, 1, "duplicate key 'name'"),

        new("key indented under a scalar", """
            version: 1
            name: a
              description: b
            """, 3, 14, "invalid YAML"),

        new("unknown alias", """
            version: 1
            name: *missing
            """, 2, 7, "alias '*missing' refers to an anchor that is not defined"),

        new("empty file", "", 1, 1, "the file is empty"),

        new("only comments", "# nothing here yet\n", 1, 1, "the file is empty"),

        new("two YAML documents", """
            version: 1
            name: a
            ---
            version: 1
            name: b
            """, 3, 1, "a second YAML document starts here"),

        new("list at the top level", """
            - version: 1
              name: a
            """, 1, 1, "expected a mapping of 'key: value' lines, found a list", "remove the '- '"),

        new("list where a mapping is expected", """
            version: 1
            name: a
            target:
              - identityProvider: x
            """, 4, 3, "target: expected a mapping of 'key: value' lines, found a list"),

        new("mapping where a list is expected", """
            version: 1
            name: a
            agents:
              name: bot
              clientId: c
            """, 4, 3, "agents: expected a list, found a mapping", "start each item with '- '"),

        new("quoted number", """
            version: 1
            name: a
            timeouts:
              requestSeconds: "30"
            """, 4, 19, "timeouts.requestSeconds: expected a number, found a quoted string", "remove the quotes"),

        new("text where a whole number is expected", """
            version: 1
            name: a
            containers:
              - name: web
                image: nginx
                ports:
                  - container: http
            """, 7, 20, "containers[0].ports[0].container: expected a whole number, found text"),

        new("fraction where a whole number is expected", """
            version: 1
            name: a
            containers:
              - name: web
                image: nginx
                ports:
                  - container: 80
                    host: 8080.5
            """, 8, 15, "expected a whole number, found a number with a fraction", "without a fraction"),

        new("yes instead of true", """
            version: 1
            name: a
            transport:
              allowInsecureLoopback: yes
            """, 4, 26, "transport.allowInsecureLoopback: expected true or false, found text", "yes/no/on/off"),

        new("quoted true", """
            version: 1
            name: a
            transport:
              allowInsecureLoopback: "true"
            """, 4, 26, "expected true or false, found a quoted string", "quoted true/false"),

        new("number where text is expected", """
            version: 1
            name: a
            agents:
              - name: bot
                clientId: 12345
            """, 5, 15, "agents[0].clientId: expected text, found a whole number", "put the value in quotes"),

        new("missing value", """
            version: 1
            name:
            """, 2, 6, "name: expected text, found no value", "give a value"),

        new("wrong version", """
            version: 2
            name: a
            """, 1, 10, "version: is not one of the allowed values", "allowed values: 1"),

        new("enum value misspelt", """
            version: 1
            name: a
            target:
              mcpServers:
                - name: m
                  url: https://mcp.test/
                  transport: streamable_http
            """, 7, 18, "target.mcpServers[0].transport: is not one of the allowed values",
            "did you mean 'streamable-http'? allowed values: streamable-http, sse"),

        new("unknown key", """
            version: 1
            name: a
            timeout:
              stepSeconds: 5
            """, 3, 1, "unknown key 'timeout'", "did you mean 'timeouts'?"),

        new("misspelt required key", """
            version: 1
            name: a
            target:
              identityProvider:
                isuer: https://idp.test/
            """, 5, 5, "target.identityProvider: unknown key 'isuer'", "did you mean 'issuer'?", ProblemCount: 2),

        new("missing required key in a nested mapping", """
            version: 1
            name: a
            target:
              policyDecisionPoint:
                url: https://pdp.test/
            """, 5, 5, "target.policyDecisionPoint: missing required key 'kind'", "add 'kind:'"),

        new("missing required key in a list item", """
            version: 1
            name: a
            agents:
              - clientId: c
            """, 4, 5, "agents[0]: missing required key 'name'"),

        new("missing required top-level key", "version: 1\n", 1, 1, "missing required key 'name'"),

        new("URL with another scheme", """
            version: 1
            name: a
            target:
              agentGateway:
                baseUrl: ftp://gw.test/
            """, 5, 14, "target.agentGateway.baseUrl: must be an absolute http:// or https:// URL"),

        new("environment variable name with a dash", """
            version: 1
            name: a
            agents:
              - name: bot
                clientId: c
                credentials: {env: MY-SECRET}
            """, 6, 24, "agents[0].credentials.env: must be an environment variable name"),

        new("inline secret", """
            version: 1
            name: a
            agents:
              - name: bot
                clientId: c
                credentials: hunter2-not-a-reference
            """, 6, 18, "agents[0].credentials: must reference the secret with {env: VARIABLE} or {file: path}", "{env: AGENT_CLIENT_SECRET}"),

        new("secret reference naming both env and file", """
            version: 1
            name: a
            agents:
              - name: bot
                clientId: c
                credentials: {env: BOT_SECRET, file: bot.secret}
            """, 6, 18, "agents[0].credentials: must set exactly one of 'env' or 'file'"),

        new("pass rate above one", """
            version: 1
            name: a
            gate:
              minPassRate:
                asi: 1.5
            """, 5, 10, "gate.minPassRate.asi: must be at most 1", "0.9 means 90 %"),

        new("zero timeout", """
            version: 1
            name: a
            timeouts:
              requestSeconds: 0
            """, 4, 19, "timeouts.requestSeconds: must be greater than 0"),

        new("container with image and build", """
            version: 1
            name: a
            containers:
              - name: web
                image: nginx
                build: {context: .}
            """, 4, 5, "containers[0]: must give exactly one of 'image' or 'build'"),

        new("two wait conditions", """
            version: 1
            name: a
            containers:
              - name: web
                image: nginx
                wait: {http: {path: /healthz}, port: 8080}
            """, 6, 11, "containers[0].wait: must give exactly one wait condition"),

        new("duplicate expected tool", """
            version: 1
            name: a
            target:
              mcpServers:
                - name: tools
                  url: https://mcp.test/mcp
                  expectedTools: [search, write, search]
            """, 7, 38, "target.mcpServers[0].expectedTools[2]: repeats an earlier item"),

        new("unsupported tag", """
            version: 1
            name: !secret abc
            """, 2, 7, "unsupported YAML tag"),

        new("YAML in a .json file", """
            version: 1
            name: a
            """, 1, 1, "invalid JSON: the file uses a YAML block mapping", FileName: "profile.json"),

        new("unquoted text in a .json file", """{"version": 1, "name": demo}""", 1, 24, "invalid JSON: the file has a value that is not in double quotes",
            FileName: "profile.json"),

        new("unclosed brace in a .json file", """
            {
              "version": 1,
              "name": "a"
            """, 4, 1, "invalid JSON: a '{' mapping is not closed", FileName: "profile.json"),

        new("missing comma in a tab-indented .json file", "{\n\t\"version\": 1\n\t\"name\": \"a\"\n}\n",
            3, 8, "invalid JSON: a '{' mapping is not closed, or lacks a ','", FileName: "profile.json"),

        new("wrong type in a .json file", """
            {
              "version": 1,
              "name": "a",
              "timeouts": {"stepSeconds": "60"}
            }
            """, 4, 31, "timeouts.stepSeconds: expected a number, found a quoted string", FileName: "profile.json"),

        new("duplicate agent name", """
            version: 1
            name: a
            agents:
              - name: bot
                clientId: c1
              - name: bot
                clientId: c2
            """, 6, 11, "agents[1].name: another agent already has this name", "line 4"),

        new("plain http to a remote host", """
            version: 1
            name: a
            transport:
              allowInsecureLoopback: true
            target:
              agentGateway:
                baseUrl: http://gateway.internal.test/
            """, 7, 14, "target.agentGateway.baseUrl: plain http:// is only allowed for loopback hosts"),

        new("plain http to loopback without permission", """
            version: 1
            name: a
            target:
              agentGateway:
                baseUrl: http://127.0.0.1:8080/
            """, 5, 14, "plain http:// is refused unless transport.allowInsecureLoopback is true"),

        new("MCP server probed as an unknown agent", """
            version: 1
            name: a
            target:
              mcpServers:
                - name: tools
                  url: https://mcp.test/mcp
                  agent: reserch-agent
            agents:
              - name: research-agent
                clientId: research
            """, 7, 14, "target.mcpServers[0].agent: names no agent defined in 'agents'", "did you mean 'research-agent'?"),

        new("dependency on an unknown container", """
            version: 1
            name: a
            containers:
              - name: web
                image: nginx
                dependsOn: [databse]
              - name: database
                image: postgres
            """, 6, 17, "containers[0].dependsOn[0]: names no container defined in 'containers'", "did you mean 'database'?"),

        new("container dependency cycle", """
            version: 1
            name: a
            containers:
              - name: a
                image: x
                dependsOn: [b]
              - name: b
                image: y
                dependsOn: [a]
            """, 9, 17, "containers depend on each other in a cycle"),

        new("placeholder naming an unknown container", """
            version: 1
            name: a
            target:
              policyDecisionPoint:
                kind: cerbos
                url: "http://127.0.0.1:${containers.pdb.ports.3592}/"
            containers:
              - name: pdp
                image: cerbos
                ports: [{container: 3592}]
            transport: {allowInsecureLoopback: true}
            """, 6, 10, "target.policyDecisionPoint.url: ${containers.pdb.ports.3592} names no container defined in 'containers'", "did you mean 'pdp'?"),

        new("placeholder naming a port the container does not publish", """
            version: 1
            name: a
            target:
              policyDecisionPoint:
                kind: cerbos
                url: "http://127.0.0.1:${containers.pdp.ports.3593}/"
            containers:
              - name: pdp
                image: cerbos
                ports: [{container: 3592}]
            transport: {allowInsecureLoopback: true}
            """, 6, 10, "container 'pdp' publishes no port 3593", "its published ports are 3592"),

        new("malformed placeholder", """
            version: 1
            name: a
            target:
              agentGateway:
                baseUrl: "http://127.0.0.1:${containers.gw.port.8080}/"
            containers:
              - name: gw
                image: gateway
                ports: [{container: 8080}]
            transport: {allowInsecureLoopback: true}
            """, 5, 14, "'${containers.gw.port.8080}' is not a container port placeholder", "${containers.NAME.ports.PORT}"),

        new("placeholder inside the containers section", """
            version: 1
            name: a
            containers:
              - name: gw
                image: gateway
                ports: [{container: 8080}]
                environment:
                  SELF: "${containers.gw.ports.8080}"
            """, 8, 13, "container port placeholders are only resolved outside 'containers'", "by name on the run's network"),

        new("placeholder to plain http without allowInsecureLoopback", """
            version: 1
            name: a
            target:
              agentGateway:
                baseUrl: "http://127.0.0.1:${containers.gw.ports.8080}/"
            containers:
              - name: gw
                image: gateway
                ports: [{container: 8080}]
            """, 5, 14, "plain http:// is refused unless transport.allowInsecureLoopback is true"),

        new("container environment value that is a list", """
            version: 1
            name: a
            containers:
              - name: gw
                image: gateway
                environment:
                  LEVELS: [debug, info]
            """, 7, 15, "containers[0].environment.LEVELS: must be a literal value, or a secret reference"),

        new("container environment secret with both env and file", """
            version: 1
            name: a
            containers:
              - name: gw
                image: gateway
                environment:
                  API_KEY: {env: GW_KEY, file: secrets/gw.key}
            """, 7, 16, "containers[0].environment.API_KEY: must be a literal value, or a secret reference"),

        new("http wait without a path", """
            version: 1
            name: a
            containers:
              - name: gw
                image: gateway
                wait: {http: {port: 8080}}
            """, 6, 18, "containers[0].wait.http: missing required key 'path'"),

        new("failing on new failures without a baseline", """
            version: 1
            name: a
            gate:
              failOn: new
            """, 4, 11, "gate.failOn: 'new' needs a baseline"),

        new("system model file that does not exist", """
            version: 1
            name: a
            systemModel: models/missing.yaml
            """, 3, 14, "systemModel: file or folder not found"),
    ];
}
