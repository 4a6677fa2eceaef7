/* Generated from openapi/openapi.json by openapi-typescript (npm run generate). Do not edit. */

export interface paths {
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Liveness
         * @description Answers while the process runs.
         */
        get: operations["getLiveness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Readiness
         * @description Answers 200 once content is loaded and the server accepts traffic. A rejected content reload does not make the server unready, since the last good content keeps serving: `content.lastFailure` reports it until a reload is accepted. Once shutdown starts, new connections are refused.
         */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/problems": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List problem types
         * @description Every error code the API can answer with, on REST and GraphQL.
         */
        get: operations["listProblemTypes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/problems/{slug}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Describe a problem type
         * @description What a problem `type` URI means and what to do about it.
         */
        get: operations["getProblemType"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/roadmaps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List roadmaps
         * @description Every roadmap served, with the id its `latest` alias resolves to.
         */
        get: operations["listRoadmaps"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/roadmaps/{slug}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a roadmap
         * @description Roadmap metadata and its versions, oldest first.
         */
        get: operations["getRoadmap"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/roadmaps/{slug}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the versions of a roadmap
         * @description Every version, oldest first. Each is an immutable snapshot addressed by its id.
         */
        get: operations["listVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/roadmaps/{slug}/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a full version snapshot
         * @description The whole edition in one response: metadata, content hash, step tree, tools and resources. A concrete version never changes. The body is compressed once at startup, not per request.
         */
        get: operations["getSnapshot"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/roadmaps/{slug}/versions/{version}/steps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the steps of a version
         * @description The step tree by default: top-level sections, each with its sub-steps. With `parent` or `depth`, the matching steps (each with its sub-tree in the tree view). `view=flat` lists steps without nesting, in reading order. Paginated over the top-level items.
         */
        get: operations["listSteps"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/roadmaps/{slug}/versions/{version}/steps/{stepId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a step
         * @description One step with everything a step page shows: its breadcrumbs, its sub-steps, the previous and next steps in reading order, and its tools and resources in full.
         */
        get: operations["getStep"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/roadmaps/{slug}/versions/{version}/tools": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the tools of a version
         * @description Every tool the version names, in order of first mention, optionally only one category or the tools of one step.
         */
        get: operations["listTools"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/roadmaps/{slug}/versions/{version}/tools/{toolId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a tool
         * @description One tool with the steps that name it and the resources about it, in full.
         */
        get: operations["getTool"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/roadmaps/{slug}/versions/{version}/resources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the resources of a version
         * @description Every recommended book, course, article and so on, in order of first recommendation; filter by kind, by the step recommending it, by the tool it is about, or by whether it has a URL.
         */
        get: operations["listResources"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/roadmaps/{slug}/versions/{version}/resources/{resourceId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a resource
         * @description One resource with the steps that recommend it and the tools it is about, in full.
         */
        get: operations["getResource"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/roadmaps/{slug}/versions/{version}/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search a version
         * @description Ranked full-text search over step titles and summaries, tool names and descriptions, and resource titles and authors. Each hit names its kind and id, links to its API path and carries an HTML-escaped snippet with the matched words in `<mark>`.
         */
        get: operations["search"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/roadmaps/{slug}/diff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Compare two versions
         * @description What changed from one version to another: steps, tools and resources added, removed and changed, matched by id, each change with the old and new value of every field. Summary counts come first; items follow reading order. Cached for good when both versions are concrete.
         */
        get: operations["diffVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/roadmaps/{slug}/changelog": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the changelog of a roadmap
         * @description One entry per version, newest first, with its date, notes and a summary of what changed since the version before. The same entries are served as Atom (`changelog.atom`) and JSON Feed 1.1 (`changelog.json`).
         */
        get: operations["getChangelog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/roadmaps/{slug}/changelog.atom": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Subscribe to a roadmap (Atom)
         * @description The changelog as an Atom 1.0 feed: one entry per version, identified by the absolute URL of its snapshot.
         */
        get: operations["getChangelogAtom"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/roadmaps/{slug}/changelog.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Subscribe to a roadmap (JSON Feed)
         * @description The changelog as a JSON Feed 1.1: one item per version, identified by the absolute URL of its snapshot.
         */
        get: operations["getChangelogJsonFeed"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/roadmaps/{slug}/versions/{version}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download a version
         * @description The version as a file: `format` picks JSON, Markdown or CSV; without it the `Accept` header decides (JSON when anything goes). Each format has its own ETag; a concrete version is cached for good.
         */
        get: operations["exportVersion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/roadmaps/{slug}/versions/{version}/export.{format}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download a version in a named format
         * @description Like `exportVersion`, with the format as the file suffix: `export.json`, `export.md` or `export.csv`.
         */
        get: operations["exportVersionAs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/embed/{slug}/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An embeddable HTML page of a roadmap version
         * @description A self-contained page for an iframe: every step with its tools and resources, or one step with `?step=`. Any origin may frame it. It carries schema.org JSON-LD and oEmbed discovery.
         */
        get: operations["getEmbedPage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oembed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * oEmbed provider for embed pages
         * @description Turns an embed page URL into an oEmbed 1.0 `rich` response whose `html` is a sandboxed iframe. Embed pages advertise this endpoint with `<link rel="alternate" type="application/json+oembed">` and a `Link` header.
         */
        get: operations["getOembed"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/roadmaps/{slug}/versions/{version}/diagram.svg": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The roadmap as an SVG diagram
         * @description Sections on an ordered path with numbered nodes, sub-sections branching off, the tools of each step as labels. Usable as it is in an `<img>` tag or a README; follows the reader's dark mode in browsers.
         */
        get: operations["getDiagramSvg"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/roadmaps/{slug}/versions/{version}/diagram.png": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The roadmap diagram as a PNG
         * @description The SVG diagram rasterised, for places that do not take SVG. `scale` 2 or 3 gives a sharper picture for high-density screens.
         */
        get: operations["getDiagramPng"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description An RFC 9457 problem details object (served as application/problem+json). */
        Problem: {
            /**
             * @description A URI reference naming the problem type; GET it for a description.
             * @example /problems/version-not-found
             */
            type: string;
            /**
             * @description A short summary of the problem type.
             * @example Version not found
             */
            title: string;
            /**
             * @description The HTTP status code.
             * @example 404
             */
            status: number;
            /**
             * @description What went wrong with this request.
             * @example Roadmap "mlops" has no version "2020-01-01"
             */
            detail: string;
            /**
             * @description The request path this problem occurred on.
             * @example /v1/roadmaps/mlops/versions/2020-01-01
             */
            instance: string;
            /**
             * @description A stable error code, also used as `extensions.code` in GraphQL.
             * @example ROADMAP_ERR_VERSION_NOT_FOUND
             */
            code: string;
            /** @description Each parameter that failed validation. */
            invalidParams?: {
                /**
                 * @description Where the parameter is: path, query, header or body.
                 * @example query
                 */
                in: string;
                /**
                 * @description The parameter name.
                 * @example limit
                 */
                name: string;
                /**
                 * @description What is wrong with its value.
                 * @example must be <= 100
                 */
                reason: string;
            }[];
        };
        RoadmapSummary: {
            /**
             * @description The roadmap slug used in URLs.
             * @example mlops
             */
            slug: string;
            /** @example MLOps roadmap 2024 */
            title: string;
            description: string;
            authors: {
                /** @description Name as the source prints it. */
                name: string;
                /**
                 * Format: uri
                 * @description An absolute http(s) URL without tracking parameters.
                 */
                url?: string;
            }[];
            publisher?: string;
            /** @description Where the roadmap comes from. */
            links: {
                /** @description What the link points to. */
                title: string;
                /**
                 * Format: uri
                 * @description An absolute http(s) URL without tracking parameters.
                 */
                url: string;
            }[];
            /**
             * @description The id that `latest` resolves to.
             * @example 2024-01-12
             */
            latestVersion: string;
            versionCount: number;
            /**
             * @description API path of this roadmap.
             * @example /v1/roadmaps/mlops
             */
            href: string;
        };
        /** @description The roadmap a snapshot belongs to. */
        RoadmapRef: {
            /** @example mlops */
            slug: string;
            /** @example MLOps roadmap 2024 */
            title: string;
            authors: {
                /** @description Name as the source prints it. */
                name: string;
                /**
                 * Format: uri
                 * @description An absolute http(s) URL without tracking parameters.
                 */
                url?: string;
            }[];
            publisher?: string;
            /** @example /v1/roadmaps/mlops */
            href: string;
        };
        VersionSummary: {
            /**
             * @description The version id: the edition date.
             * @example 2024-01-12
             */
            id: string;
            title: string;
            /**
             * Format: date
             * @example 2024-01-12
             */
            published: string;
            source: {
                /** @description What kind of document the edition was taken from. */
                type: "article" | "repository";
                /** @description Title of the source document. */
                title: string;
                /** @description Where it was published. */
                publisher?: string;
                /**
                 * Format: uri
                 * @description An absolute http(s) URL without tracking parameters.
                 */
                url?: string;
                /** @description owner/name of a GitHub repository. */
                repository?: string;
                /** @description The commit the edition was read at. */
                commit?: string;
                /** @description The file inside the repository. */
                path?: string;
            };
            /** @description What this edition changed. */
            notes: string[];
            /**
             * @description sha256 of the canonical serialisation of the snapshot; the base of every ETag.
             * @example sha256-…
             */
            contentHash: string;
            stepCount: number;
            toolCount: number;
            resourceCount: number;
            /**
             * @description API path of the immutable snapshot.
             * @example /v1/roadmaps/mlops/versions/2024-01-12
             */
            href: string;
        };
        RoadmapDetail: {
            /**
             * @description The roadmap slug used in URLs.
             * @example mlops
             */
            slug: string;
            /** @example MLOps roadmap 2024 */
            title: string;
            description: string;
            authors: {
                /** @description Name as the source prints it. */
                name: string;
                /**
                 * Format: uri
                 * @description An absolute http(s) URL without tracking parameters.
                 */
                url?: string;
            }[];
            publisher?: string;
            /** @description Where the roadmap comes from. */
            links: {
                /** @description What the link points to. */
                title: string;
                /**
                 * Format: uri
                 * @description An absolute http(s) URL without tracking parameters.
                 */
                url: string;
            }[];
            /**
             * @description The id that `latest` resolves to.
             * @example 2024-01-12
             */
            latestVersion: string;
            versionCount: number;
            /**
             * @description API path of this roadmap.
             * @example /v1/roadmaps/mlops
             */
            href: string;
            /** @description Every version, oldest first. */
            versions: components["schemas"]["VersionSummary"][];
        };
        Step: {
            /**
             * @description Stable id, the same in every version.
             * @example experiment-tracking-and-model-registries
             */
            id: string;
            /**
             * @description The number the source prints.
             * @example 5.3
             */
            number: string;
            /** @example Experiment Tracking and Model Registries */
            title: string;
            summary: string;
            /** @description Id of the parent step, null for a top-level section. */
            parent: string | null;
            /** @description Position among its siblings. */
            order: number;
            /** @description 1 for a section, 2 for a sub-section, and so on. */
            depth: number;
            /** @description Ids of the tools the step names, in source order. */
            tools: string[];
            /** @description Ids of the resources the step recommends, in source order. */
            resources: string[];
        };
        StepNode: {
            /**
             * @description Stable id, the same in every version.
             * @example experiment-tracking-and-model-registries
             */
            id: string;
            /**
             * @description The number the source prints.
             * @example 5.3
             */
            number: string;
            /** @example Experiment Tracking and Model Registries */
            title: string;
            summary: string;
            /** @description Id of the parent step, null for a top-level section. */
            parent: string | null;
            /** @description Position among its siblings. */
            order: number;
            /** @description 1 for a section, 2 for a sub-section, and so on. */
            depth: number;
            /** @description Ids of the tools the step names, in source order. */
            tools: string[];
            /** @description Ids of the resources the step recommends, in source order. */
            resources: string[];
            /** @description Sub-steps in reading order. */
            children: components["schemas"]["StepNode"][];
        };
        Tool: {
            /** @example mlflow */
            id: string;
            /** @example MLflow */
            name: string;
            /** @description What the tool is for. */
            category: "programming-language" | "shell" | "editor" | "containerization" | "container-orchestration" | "cluster-management" | "version-control" | "code-hosting" | "ci-cd" | "code-quality" | "workflow-orchestration" | "experiment-tracking" | "feature-store" | "data-versioning" | "ml-platform" | "model-serving" | "web-framework" | "monitoring" | "visualization" | "ml-monitoring" | "infrastructure-as-code";
            /**
             * Format: uri
             * @description The official home page.
             */
            homepage?: string;
            description: string;
            /** @description Ids of the steps that name the tool, in reading order. */
            steps: string[];
            /** @description Ids of the resources about the tool. */
            resources: string[];
        };
        Resource: {
            /** @example designing-machine-learning-systems */
            id: string;
            /** @description What kind of learning resource it is. */
            kind: "book" | "course" | "tutorial" | "article" | "video" | "repository" | "roadmap" | "skill-track" | "practice" | "assessment" | "website" | "topic";
            /** @example Designing Machine Learning Systems */
            title: string;
            subtitle?: string;
            /**
             * @example [
             *       "Chip Huyen"
             *     ]
             */
            authors: string[];
            /** @example 3rd Edition */
            edition?: string;
            provider?: string;
            /**
             * Format: uri
             * @description The URL the source gives, without tracking parameters; absent when the source gives none.
             */
            url?: string;
            description?: string;
            /** @description Ids of the tools the resource is about. */
            tools: string[];
            /** @description Ids of the steps that recommend it, in reading order. */
            steps: string[];
        };
        /** @description One version of a roadmap, complete and immutable: its bytes and ETag never change. */
        Snapshot: {
            roadmap: components["schemas"]["RoadmapRef"];
            version: components["schemas"]["VersionSummary"];
            /** @description The step tree: top-level sections with their sub-sections. */
            steps: components["schemas"]["StepNode"][];
            /** @description Every tool, in order of first mention. */
            tools: components["schemas"]["Tool"][];
            /** @description Every resource, in order of first recommendation. */
            resources: components["schemas"]["Resource"][];
        };
        SearchHit: {
            kind: "step" | "tool" | "resource";
            id: string;
            /** @description Step title, tool name or resource title. */
            title: string;
            /** @description Relevance; higher is better. */
            score: number;
            /** @description The matching text, HTML-escaped, with matched terms wrapped in <mark>. */
            snippet: string;
            /** @description API path of the hit. */
            href: string;
        };
        /** @description One field of an item with its old and new value. */
        FieldChange: {
            /**
             * @description The field that differs, as named in the Step, Tool or Resource schema.
             * @example title
             */
            field: string;
            /** @description A field value: text, a number, a list of ids or names, or null where the field is absent. */
            from: string | number | string[] | null;
            /** @description A field value: text, a number, a list of ids or names, or null where the field is absent. */
            to: string | number | string[] | null;
            /** @description For list fields: entries in `to` that `from` lacks, in `to` order. */
            added?: string[];
            /** @description For list fields: entries in `from` that `to` lacks, in `from` order. */
            removed?: string[];
        };
        /** @description An item present in both versions with different field values. */
        ChangedItem: {
            /** @description The item id, the same in both versions. */
            id: string;
            /** @description The step title, tool name or resource title in the `to` version. */
            title: string;
            /** @description Every field that differs, in schema order. */
            changes: components["schemas"]["FieldChange"][];
        };
        DiffCounts: {
            added: number;
            removed: number;
            changed: number;
            /** @description Items present in both versions with equal fields. */
            unchanged: number;
        };
        /** @description How many steps, tools and resources were added, removed, changed and kept. */
        DiffSummary: {
            steps: components["schemas"]["DiffCounts"];
            tools: components["schemas"]["DiffCounts"];
            resources: components["schemas"]["DiffCounts"];
        };
        /** @description A semantic diff of two versions: steps, tools and resources matched by id, each change listing the field with its old and new value. */
        VersionDiff: {
            /**
             * @description The roadmap slug.
             * @example mlops
             */
            roadmap: string;
            from: components["schemas"]["VersionSummary"];
            to: components["schemas"]["VersionSummary"];
            summary: components["schemas"]["DiffSummary"];
            steps: {
                /** @description Only in `to`, in reading order of `to`. */
                added: components["schemas"]["Step"][];
                /** @description Only in `from`, in reading order of `from`. */
                removed: components["schemas"]["Step"][];
                /** @description In both with different fields, in reading order of `to`. */
                changed: components["schemas"]["ChangedItem"][];
            };
            tools: {
                /** @description Only in `to`, in order of first mention of `to`. */
                added: components["schemas"]["Tool"][];
                /** @description Only in `from`, in order of first mention of `from`. */
                removed: components["schemas"]["Tool"][];
                /** @description In both with different fields, in order of first mention of `to`. */
                changed: components["schemas"]["ChangedItem"][];
            };
            resources: {
                /** @description Only in `to`, in order of first recommendation of `to`. */
                added: components["schemas"]["Resource"][];
                /** @description Only in `from`, in order of first recommendation of `from`. */
                removed: components["schemas"]["Resource"][];
                /** @description In both with different fields, in order of first recommendation of `to`. */
                changed: components["schemas"]["ChangedItem"][];
            };
        };
        /** @description One version: its date, notes and a summary of what changed since the one before. */
        ChangelogEntry: {
            version: components["schemas"]["VersionSummary"];
            /**
             * @description The id of the version before it; null for the first.
             * @example 2023-12-27
             */
            previous: string | null;
            /** @description What changed since `previous`; null for the first version. */
            summary: components["schemas"]["DiffSummary"] | null;
            /**
             * @description API path of the full diff from `previous`.
             * @example /v1/roadmaps/mlops/diff?from=2023-12-27&to=2024-01-12
             */
            diffHref: string | null;
        };
        Changelog: {
            roadmap: components["schemas"]["RoadmapRef"];
            /**
             * @description The id `latest` resolves to.
             * @example 2024-01-12
             */
            latest: string;
            feeds: {
                /**
                 * @description API path of the Atom feed.
                 * @example /v1/roadmaps/mlops/changelog.atom
                 */
                atom: string;
                /**
                 * @description API path of the JSON Feed 1.1.
                 * @example /v1/roadmaps/mlops/changelog.json
                 */
                json: string;
            };
            /** @description Every version, newest first. */
            items: components["schemas"]["ChangelogEntry"][];
        };
        JsonFeedItem: {
            /** @description Stable and unique: the absolute URL of the concrete version. */
            id: string;
            /**
             * Format: uri
             * @description The snapshot of this version.
             */
            url: string;
            /**
             * Format: uri
             * @description The document the edition was taken from.
             */
            external_url?: string;
            title: string;
            content_html: string;
            content_text: string;
            summary: string;
            /** Format: date-time */
            date_published: string;
        };
        /** @description A JSON Feed 1.1 document (application/feed+json). */
        JsonFeed: {
            /** @enum {string} */
            version: "https://jsonfeed.org/version/1.1";
            title: string;
            /** Format: uri */
            home_page_url: string;
            /** Format: uri */
            feed_url: string;
            description: string;
            authors: {
                name: string;
                /** Format: uri */
                url?: string;
            }[];
            language: string;
            items: components["schemas"]["JsonFeedItem"][];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getLiveness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The process runs. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok";
                    };
                };
            };
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready: the content served, and how its reloads went. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok";
                        /** @description Versions loaded. */
                        versions: number;
                        /** @description Content loading: what is served and how reloads went. */
                        content: {
                            /**
                             * Format: date-time
                             * @description When the content now served was loaded: at start, or by the last accepted reload.
                             */
                            loadedAt: string;
                            /** @description Reloads (SIGHUP or file watching) accepted since start. */
                            reloads: number;
                            /** @description Reloads rejected since start because the content had problems; the last good content kept serving. */
                            failedReloads: number;
                            /** @description The most recent rejected reload; gone once a reload is accepted. */
                            lastFailure?: {
                                /**
                                 * Format: date-time
                                 * @description When the reload was rejected.
                                 */
                                at: string;
                                /** @description How many problems it found. */
                                problems: number;
                                /** @description The first problems as `file:line:column field: message`, paths relative to the content folder; the server log has them all. */
                                summary: string[];
                            };
                        };
                    };
                };
            };
            /** @description Not ready: the server cannot take traffic now (application/problem+json). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listProblemTypes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @example /problems/version-not-found */
                            type: string;
                            /** @example ROADMAP_ERR_VERSION_NOT_FOUND */
                            code: string;
                            /** @example 404 */
                            status: number;
                            /** @example Version not found */
                            title: string;
                            description: string;
                        }[];
                    };
                };
            };
        };
    };
    getProblemType: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example version-not-found */
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example /problems/version-not-found */
                        type: string;
                        /** @example ROADMAP_ERR_VERSION_NOT_FOUND */
                        code: string;
                        /** @example 404 */
                        status: number;
                        /** @example Version not found */
                        title: string;
                        description: string;
                    };
                };
            };
            /** @description A parameter is invalid: the problem names it (application/problem+json). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No problem type has this slug (application/problem+json). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listRoadmaps: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The roadmaps. */
            200: {
                headers: {
                    /** @description Strong validator of this representation; send it back in `If-None-Match` to get a 304. */
                    ETag?: string;
                    /** @description `public, max-age=31536000, immutable` for a concrete version; a short max-age with stale-while-revalidate for `latest` and for lists. */
                    "Cache-Control"?: string;
                    /** @description Responses differ by the negotiated content coding. */
                    Vary?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["RoadmapSummary"][];
                    };
                };
            };
            /** @description Not Modified: the `If-None-Match` validator still matches. No body; the caching headers are repeated. */
            304: {
                headers: {
                    /** @description Strong validator of this representation; send it back in `If-None-Match` to get a 304. */
                    ETag?: string;
                    /** @description `public, max-age=31536000, immutable` for a concrete version; a short max-age with stale-while-revalidate for `latest` and for lists. */
                    "Cache-Control"?: string;
                    /** @description Responses differ by the negotiated content coding. */
                    Vary?: string;
                    /** @description Only when the URL says `latest`: the same resource at its concrete-version URL. */
                    "Content-Location"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getRoadmap: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The roadmap slug.
                 * @example mlops
                 */
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The roadmap. */
            200: {
                headers: {
                    /** @description Strong validator of this representation; send it back in `If-None-Match` to get a 304. */
                    ETag?: string;
                    /** @description `public, max-age=31536000, immutable` for a concrete version; a short max-age with stale-while-revalidate for `latest` and for lists. */
                    "Cache-Control"?: string;
                    /** @description Responses differ by the negotiated content coding. */
                    Vary?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoadmapDetail"];
                };
            };
            /** @description Not Modified: the `If-None-Match` validator still matches. No body; the caching headers are repeated. */
            304: {
                headers: {
                    /** @description Strong validator of this representation; send it back in `If-None-Match` to get a 304. */
                    ETag?: string;
                    /** @description `public, max-age=31536000, immutable` for a concrete version; a short max-age with stale-while-revalidate for `latest` and for lists. */
                    "Cache-Control"?: string;
                    /** @description Responses differ by the negotiated content coding. */
                    Vary?: string;
                    /** @description Only when the URL says `latest`: the same resource at its concrete-version URL. */
                    "Content-Location"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A parameter is invalid: the problem names it (application/problem+json). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The roadmap, version or item does not exist: the problem names the id (application/problem+json). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listVersions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The roadmap slug.
                 * @example mlops
                 */
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The versions. */
            200: {
                headers: {
                    /** @description Strong validator of this representation; send it back in `If-None-Match` to get a 304. */
                    ETag?: string;
                    /** @description `public, max-age=31536000, immutable` for a concrete version; a short max-age with stale-while-revalidate for `latest` and for lists. */
                    "Cache-Control"?: string;
                    /** @description Responses differ by the negotiated content coding. */
                    Vary?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description The id `latest` resolves to.
                         * @example 2024-01-12
                         */
                        latest: string;
                        items: components["schemas"]["VersionSummary"][];
                    };
                };
            };
            /** @description Not Modified: the `If-None-Match` validator still matches. No body; the caching headers are repeated. */
            304: {
                headers: {
                    /** @description Strong validator of this representation; send it back in `If-None-Match` to get a 304. */
                    ETag?: string;
                    /** @description `public, max-age=31536000, immutable` for a concrete version; a short max-age with stale-while-revalidate for `latest` and for lists. */
                    "Cache-Control"?: string;
                    /** @description Responses differ by the negotiated content coding. */
                    Vary?: string;
                    /** @description Only when the URL says `latest`: the same resource at its concrete-version URL. */
                    "Content-Location"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A parameter is invalid: the problem names it (application/problem+json). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The roadmap, version or item does not exist: the problem names the id (application/problem+json). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSnapshot: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The roadmap slug.
                 * @example mlops
                 */
                slug: string;
                /** @description A version id (the edition date) or `latest`. */
                version: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The snapshot. */
            200: {
                headers: {
                    /** @description Strong validator of this representation; send it back in `If-None-Match` to get a 304. */
                    ETag?: string;
                    /** @description `public, max-age=31536000, immutable` for a concrete version; a short max-age with stale-while-revalidate for `latest` and for lists. */
                    "Cache-Control"?: string;
                    /** @description Responses differ by the negotiated content coding. */
                    Vary?: string;
                    /** @description Only when the URL says `latest`: the same resource at its concrete-version URL. */
                    "Content-Location"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Snapshot"];
                };
            };
            /** @description Not Modified: the `If-None-Match` validator still matches. No body; the caching headers are repeated. */
            304: {
                headers: {
                    /** @description Strong validator of this representation; send it back in `If-None-Match` to get a 304. */
                    ETag?: string;
                    /** @description `public, max-age=31536000, immutable` for a concrete version; a short max-age with stale-while-revalidate for `latest` and for lists. */
                    "Cache-Control"?: string;
                    /** @description Responses differ by the negotiated content coding. */
                    Vary?: string;
                    /** @description Only when the URL says `latest`: the same resource at its concrete-version URL. */
                    "Content-Location"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A parameter is invalid: the problem names it (application/problem+json). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The roadmap, version or item does not exist: the problem names the id (application/problem+json). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listSteps: {
        parameters: {
            query?: {
                /**
                 * @description `tree`: each step with its sub-steps nested in `children`; `flat`: steps without children, in reading order.
                 * @example flat
                 */
                view?: "tree" | "flat";
                /**
                 * @description Only the sub-steps of this step.
                 * @example mlops-components
                 */
                parent?: string;
                /**
                 * @description Only steps at this depth: 1 for sections, 2 for sub-sections.
                 * @example 1
                 */
                depth?: number;
                /**
                 * @description Items per page: 20 by default, at most 100.
                 * @example 20
                 */
                limit?: number;
                /**
                 * @description Where the page starts: a `nextCursor` or `prevCursor` from an earlier page (also in the `Link` header). Omit it for the first page.
                 * @example YTpkb2NrZXI
                 */
                cursor?: string;
            };
            header?: never;
            path: {
                /**
                 * @description The roadmap slug.
                 * @example mlops
                 */
                slug: string;
                /** @description A version id (the edition date) or `latest`. */
                version: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of steps: step nodes in the tree view, steps in the flat view. */
            200: {
                headers: {
                    /** @description Strong validator of this representation; send it back in `If-None-Match` to get a 304. */
                    ETag?: string;
                    /** @description `public, max-age=31536000, immutable` for a concrete version; a short max-age with stale-while-revalidate for `latest` and for lists. */
                    "Cache-Control"?: string;
                    /** @description Responses differ by the negotiated content coding. */
                    Vary?: string;
                    /** @description Only when the URL says `latest`: the same resource at its concrete-version URL. */
                    "Content-Location"?: string;
                    /** @description RFC 8288 links to the neighbouring pages: `rel="next"` and `rel="prev"`, each present when that page exists. */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description This page, in the list's stable order. */
                        items: (components["schemas"]["StepNode"] | components["schemas"]["Step"])[];
                        /** @description How many items match, over all pages. */
                        totalCount: number;
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        nextCursor: string | null;
                        /** @description Pass as `cursor` for the previous page; null on the first page. */
                        prevCursor: string | null;
                    };
                };
            };
            /** @description Not Modified: the `If-None-Match` validator still matches. No body; the caching headers are repeated. */
            304: {
                headers: {
                    /** @description Strong validator of this representation; send it back in `If-None-Match` to get a 304. */
                    ETag?: string;
                    /** @description `public, max-age=31536000, immutable` for a concrete version; a short max-age with stale-while-revalidate for `latest` and for lists. */
                    "Cache-Control"?: string;
                    /** @description Responses differ by the negotiated content coding. */
                    Vary?: string;
                    /** @description Only when the URL says `latest`: the same resource at its concrete-version URL. */
                    "Content-Location"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A parameter is invalid: the problem names it (application/problem+json). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The roadmap, version or item does not exist: the problem names the id (application/problem+json). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getStep: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The roadmap slug.
                 * @example mlops
                 */
                slug: string;
                /** @description A version id (the edition date) or `latest`. */
                version: string;
                /**
                 * @description The step id, stable across versions.
                 * @example experiment-tracking-and-model-registries
                 */
                stepId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The step and its surroundings. */
            200: {
                headers: {
                    /** @description Strong validator of this representation; send it back in `If-None-Match` to get a 304. */
                    ETag?: string;
                    /** @description `public, max-age=31536000, immutable` for a concrete version; a short max-age with stale-while-revalidate for `latest` and for lists. */
                    "Cache-Control"?: string;
                    /** @description Responses differ by the negotiated content coding. */
                    Vary?: string;
                    /** @description Only when the URL says `latest`: the same resource at its concrete-version URL. */
                    "Content-Location"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        step: components["schemas"]["Step"];
                        /** @description The ancestors of the step: its top-level section first, its parent last. */
                        breadcrumbs: components["schemas"]["Step"][];
                        /** @description Its sub-steps, in order. */
                        children: components["schemas"]["Step"][];
                        /** @description The step before it in reading order; null for the first. */
                        previous: components["schemas"]["Step"] | null;
                        /** @description The step after it in reading order; null for the last. */
                        next: components["schemas"]["Step"] | null;
                        /** @description The tools it names, in source order. */
                        tools: components["schemas"]["Tool"][];
                        /** @description The resources it recommends, in source order. */
                        resources: components["schemas"]["Resource"][];
                    };
                };
            };
            /** @description Not Modified: the `If-None-Match` validator still matches. No body; the caching headers are repeated. */
            304: {
                headers: {
                    /** @description Strong validator of this representation; send it back in `If-None-Match` to get a 304. */
                    ETag?: string;
                    /** @description `public, max-age=31536000, immutable` for a concrete version; a short max-age with stale-while-revalidate for `latest` and for lists. */
                    "Cache-Control"?: string;
                    /** @description Responses differ by the negotiated content coding. */
                    Vary?: string;
                    /** @description Only when the URL says `latest`: the same resource at its concrete-version URL. */
                    "Content-Location"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A parameter is invalid: the problem names it (application/problem+json). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The roadmap, version or item does not exist: the problem names the id (application/problem+json). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listTools: {
        parameters: {
            query?: {
                /**
                 * @description Only tools in this category.
                 * @example workflow-orchestration
                 */
                category?: "programming-language" | "shell" | "editor" | "containerization" | "container-orchestration" | "cluster-management" | "version-control" | "code-hosting" | "ci-cd" | "code-quality" | "workflow-orchestration" | "experiment-tracking" | "feature-store" | "data-versioning" | "ml-platform" | "model-serving" | "web-framework" | "monitoring" | "visualization" | "ml-monitoring" | "infrastructure-as-code";
                /**
                 * @description Only the tools this step names.
                 * @example orchestration
                 */
                step?: string;
                /**
                 * @description Items per page: 20 by default, at most 100.
                 * @example 20
                 */
                limit?: number;
                /**
                 * @description Where the page starts: a `nextCursor` or `prevCursor` from an earlier page (also in the `Link` header). Omit it for the first page.
                 * @example YTpkb2NrZXI
                 */
                cursor?: string;
            };
            header?: never;
            path: {
                /**
                 * @description The roadmap slug.
                 * @example mlops
                 */
                slug: string;
                /** @description A version id (the edition date) or `latest`. */
                version: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of tools. */
            200: {
                headers: {
                    /** @description Strong validator of this representation; send it back in `If-None-Match` to get a 304. */
                    ETag?: string;
                    /** @description `public, max-age=31536000, immutable` for a concrete version; a short max-age with stale-while-revalidate for `latest` and for lists. */
                    "Cache-Control"?: string;
                    /** @description Responses differ by the negotiated content coding. */
                    Vary?: string;
                    /** @description Only when the URL says `latest`: the same resource at its concrete-version URL. */
                    "Content-Location"?: string;
                    /** @description RFC 8288 links to the neighbouring pages: `rel="next"` and `rel="prev"`, each present when that page exists. */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description This page, in the list's stable order. */
                        items: components["schemas"]["Tool"][];
                        /** @description How many items match, over all pages. */
                        totalCount: number;
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        nextCursor: string | null;
                        /** @description Pass as `cursor` for the previous page; null on the first page. */
                        prevCursor: string | null;
                    };
                };
            };
            /** @description Not Modified: the `If-None-Match` validator still matches. No body; the caching headers are repeated. */
            304: {
                headers: {
                    /** @description Strong validator of this representation; send it back in `If-None-Match` to get a 304. */
                    ETag?: string;
                    /** @description `public, max-age=31536000, immutable` for a concrete version; a short max-age with stale-while-revalidate for `latest` and for lists. */
                    "Cache-Control"?: string;
                    /** @description Responses differ by the negotiated content coding. */
                    Vary?: string;
                    /** @description Only when the URL says `latest`: the same resource at its concrete-version URL. */
                    "Content-Location"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A parameter is invalid: the problem names it (application/problem+json). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The roadmap, version or item does not exist: the problem names the id (application/problem+json). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getTool: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The roadmap slug.
                 * @example mlops
                 */
                slug: string;
                /** @description A version id (the edition date) or `latest`. */
                version: string;
                /**
                 * @description The tool id, stable across versions.
                 * @example mlflow
                 */
                toolId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The tool and where it appears. */
            200: {
                headers: {
                    /** @description Strong validator of this representation; send it back in `If-None-Match` to get a 304. */
                    ETag?: string;
                    /** @description `public, max-age=31536000, immutable` for a concrete version; a short max-age with stale-while-revalidate for `latest` and for lists. */
                    "Cache-Control"?: string;
                    /** @description Responses differ by the negotiated content coding. */
                    Vary?: string;
                    /** @description Only when the URL says `latest`: the same resource at its concrete-version URL. */
                    "Content-Location"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        tool: components["schemas"]["Tool"];
                        /** @description The steps that name the tool, in reading order. */
                        steps: components["schemas"]["Step"][];
                        /** @description The resources about the tool. */
                        resources: components["schemas"]["Resource"][];
                    };
                };
            };
            /** @description Not Modified: the `If-None-Match` validator still matches. No body; the caching headers are repeated. */
            304: {
                headers: {
                    /** @description Strong validator of this representation; send it back in `If-None-Match` to get a 304. */
                    ETag?: string;
                    /** @description `public, max-age=31536000, immutable` for a concrete version; a short max-age with stale-while-revalidate for `latest` and for lists. */
                    "Cache-Control"?: string;
                    /** @description Responses differ by the negotiated content coding. */
                    Vary?: string;
                    /** @description Only when the URL says `latest`: the same resource at its concrete-version URL. */
                    "Content-Location"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A parameter is invalid: the problem names it (application/problem+json). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The roadmap, version or item does not exist: the problem names the id (application/problem+json). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listResources: {
        parameters: {
            query?: {
                /**
                 * @description Only resources of this kind.
                 * @example book
                 */
                kind?: "book" | "course" | "tutorial" | "article" | "video" | "repository" | "roadmap" | "skill-track" | "practice" | "assessment" | "website" | "topic";
                /**
                 * @description Only the resources this step recommends.
                 * @example docker
                 */
                step?: string;
                /**
                 * @description Only the resources about this tool.
                 * @example mlflow
                 */
                tool?: string;
                /**
                 * @description `true`: only resources with a URL; `false`: only those the source gives without one.
                 * @example true
                 */
                hasUrl?: boolean;
                /**
                 * @description Items per page: 20 by default, at most 100.
                 * @example 20
                 */
                limit?: number;
                /**
                 * @description Where the page starts: a `nextCursor` or `prevCursor` from an earlier page (also in the `Link` header). Omit it for the first page.
                 * @example YTpkb2NrZXI
                 */
                cursor?: string;
            };
            header?: never;
            path: {
                /**
                 * @description The roadmap slug.
                 * @example mlops
                 */
                slug: string;
                /** @description A version id (the edition date) or `latest`. */
                version: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of resources. */
            200: {
                headers: {
                    /** @description Strong validator of this representation; send it back in `If-None-Match` to get a 304. */
                    ETag?: string;
                    /** @description `public, max-age=31536000, immutable` for a concrete version; a short max-age with stale-while-revalidate for `latest` and for lists. */
                    "Cache-Control"?: string;
                    /** @description Responses differ by the negotiated content coding. */
                    Vary?: string;
                    /** @description Only when the URL says `latest`: the same resource at its concrete-version URL. */
                    "Content-Location"?: string;
                    /** @description RFC 8288 links to the neighbouring pages: `rel="next"` and `rel="prev"`, each present when that page exists. */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description This page, in the list's stable order. */
                        items: components["schemas"]["Resource"][];
                        /** @description How many items match, over all pages. */
                        totalCount: number;
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        nextCursor: string | null;
                        /** @description Pass as `cursor` for the previous page; null on the first page. */
                        prevCursor: string | null;
                    };
                };
            };
            /** @description Not Modified: the `If-None-Match` validator still matches. No body; the caching headers are repeated. */
            304: {
                headers: {
                    /** @description Strong validator of this representation; send it back in `If-None-Match` to get a 304. */
                    ETag?: string;
                    /** @description `public, max-age=31536000, immutable` for a concrete version; a short max-age with stale-while-revalidate for `latest` and for lists. */
                    "Cache-Control"?: string;
                    /** @description Responses differ by the negotiated content coding. */
                    Vary?: string;
                    /** @description Only when the URL says `latest`: the same resource at its concrete-version URL. */
                    "Content-Location"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A parameter is invalid: the problem names it (application/problem+json). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The roadmap, version or item does not exist: the problem names the id (application/problem+json). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getResource: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The roadmap slug.
                 * @example mlops
                 */
                slug: string;
                /** @description A version id (the edition date) or `latest`. */
                version: string;
                /**
                 * @description The resource id, stable across versions.
                 * @example designing-machine-learning-systems
                 */
                resourceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The resource and where it is recommended. */
            200: {
                headers: {
                    /** @description Strong validator of this representation; send it back in `If-None-Match` to get a 304. */
                    ETag?: string;
                    /** @description `public, max-age=31536000, immutable` for a concrete version; a short max-age with stale-while-revalidate for `latest` and for lists. */
                    "Cache-Control"?: string;
                    /** @description Responses differ by the negotiated content coding. */
                    Vary?: string;
                    /** @description Only when the URL says `latest`: the same resource at its concrete-version URL. */
                    "Content-Location"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        resource: components["schemas"]["Resource"];
                        /** @description The steps that recommend it, in reading order. */
                        steps: components["schemas"]["Step"][];
                        /** @description The tools it is about. */
                        tools: components["schemas"]["Tool"][];
                    };
                };
            };
            /** @description Not Modified: the `If-None-Match` validator still matches. No body; the caching headers are repeated. */
            304: {
                headers: {
                    /** @description Strong validator of this representation; send it back in `If-None-Match` to get a 304. */
                    ETag?: string;
                    /** @description `public, max-age=31536000, immutable` for a concrete version; a short max-age with stale-while-revalidate for `latest` and for lists. */
                    "Cache-Control"?: string;
                    /** @description Responses differ by the negotiated content coding. */
                    Vary?: string;
                    /** @description Only when the URL says `latest`: the same resource at its concrete-version URL. */
                    "Content-Location"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A parameter is invalid: the problem names it (application/problem+json). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The roadmap, version or item does not exist: the problem names the id (application/problem+json). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    search: {
        parameters: {
            query: {
                /**
                 * @description Words to look for (at least one non-blank character); every word must match, the last may be a prefix, and small typos are forgiven.
                 * @example feature store
                 */
                q: string;
                /**
                 * @description Items per page: 20 by default, at most 100.
                 * @example 20
                 */
                limit?: number;
                /**
                 * @description Where the page starts: a `nextCursor` or `prevCursor` from an earlier page (also in the `Link` header). Omit it for the first page.
                 * @example YTpkb2NrZXI
                 */
                cursor?: string;
            };
            header?: never;
            path: {
                /**
                 * @description The roadmap slug.
                 * @example mlops
                 */
                slug: string;
                /** @description A version id (the edition date) or `latest`. */
                version: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of hits, best first. */
            200: {
                headers: {
                    /** @description Strong validator of this representation; send it back in `If-None-Match` to get a 304. */
                    ETag?: string;
                    /** @description `public, max-age=31536000, immutable` for a concrete version; a short max-age with stale-while-revalidate for `latest` and for lists. */
                    "Cache-Control"?: string;
                    /** @description Responses differ by the negotiated content coding. */
                    Vary?: string;
                    /** @description Only when the URL says `latest`: the same resource at its concrete-version URL. */
                    "Content-Location"?: string;
                    /** @description RFC 8288 links to the neighbouring pages: `rel="next"` and `rel="prev"`, each present when that page exists. */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description This page, in the list's stable order. */
                        items: components["schemas"]["SearchHit"][];
                        /** @description How many items match, over all pages. */
                        totalCount: number;
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        nextCursor: string | null;
                        /** @description Pass as `cursor` for the previous page; null on the first page. */
                        prevCursor: string | null;
                    };
                };
            };
            /** @description Not Modified: the `If-None-Match` validator still matches. No body; the caching headers are repeated. */
            304: {
                headers: {
                    /** @description Strong validator of this representation; send it back in `If-None-Match` to get a 304. */
                    ETag?: string;
                    /** @description `public, max-age=31536000, immutable` for a concrete version; a short max-age with stale-while-revalidate for `latest` and for lists. */
                    "Cache-Control"?: string;
                    /** @description Responses differ by the negotiated content coding. */
                    Vary?: string;
                    /** @description Only when the URL says `latest`: the same resource at its concrete-version URL. */
                    "Content-Location"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A parameter is invalid: the problem names it (application/problem+json). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The roadmap, version or item does not exist: the problem names the id (application/problem+json). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    diffVersions: {
        parameters: {
            query: {
                /**
                 * @description The version to compare from: an id or `latest`.
                 * @example 2023-12-21
                 */
                from: string;
                /**
                 * @description The version to compare to: an id or `latest` (the default).
                 * @example 2024-01-12
                 */
                to?: string;
            };
            header?: never;
            path: {
                /**
                 * @description The roadmap slug.
                 * @example mlops
                 */
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The diff. */
            200: {
                headers: {
                    /** @description Strong validator of this representation; send it back in `If-None-Match` to get a 304. */
                    ETag?: string;
                    /** @description `public, max-age=31536000, immutable` for a concrete version; a short max-age with stale-while-revalidate for `latest` and for lists. */
                    "Cache-Control"?: string;
                    /** @description Responses differ by the negotiated content coding. */
                    Vary?: string;
                    /** @description Only when the URL says `latest`: the same resource at its concrete-version URL. */
                    "Content-Location"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VersionDiff"];
                };
            };
            /** @description Not Modified: the `If-None-Match` validator still matches. No body; the caching headers are repeated. */
            304: {
                headers: {
                    /** @description Strong validator of this representation; send it back in `If-None-Match` to get a 304. */
                    ETag?: string;
                    /** @description `public, max-age=31536000, immutable` for a concrete version; a short max-age with stale-while-revalidate for `latest` and for lists. */
                    "Cache-Control"?: string;
                    /** @description Responses differ by the negotiated content coding. */
                    Vary?: string;
                    /** @description Only when the URL says `latest`: the same resource at its concrete-version URL. */
                    "Content-Location"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A parameter is invalid: the problem names it (application/problem+json). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The roadmap, version or item does not exist: the problem names the id (application/problem+json). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getChangelog: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The roadmap slug.
                 * @example mlops
                 */
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The changelog. */
            200: {
                headers: {
                    /** @description Strong validator of this representation; send it back in `If-None-Match` to get a 304. */
                    ETag?: string;
                    /** @description `public, max-age=31536000, immutable` for a concrete version; a short max-age with stale-while-revalidate for `latest` and for lists. */
                    "Cache-Control"?: string;
                    /** @description Responses differ by the negotiated content coding. */
                    Vary?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Changelog"];
                };
            };
            /** @description Not Modified: the `If-None-Match` validator still matches. No body; the caching headers are repeated. */
            304: {
                headers: {
                    /** @description Strong validator of this representation; send it back in `If-None-Match` to get a 304. */
                    ETag?: string;
                    /** @description `public, max-age=31536000, immutable` for a concrete version; a short max-age with stale-while-revalidate for `latest` and for lists. */
                    "Cache-Control"?: string;
                    /** @description Responses differ by the negotiated content coding. */
                    Vary?: string;
                    /** @description Only when the URL says `latest`: the same resource at its concrete-version URL. */
                    "Content-Location"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A parameter is invalid: the problem names it (application/problem+json). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The roadmap, version or item does not exist: the problem names the id (application/problem+json). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getChangelogAtom: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The roadmap slug.
                 * @example mlops
                 */
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The Atom feed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/atom+xml": string;
                };
            };
            /** @description Not Modified: the `If-None-Match` validator still matches. No body; the caching headers are repeated. */
            304: {
                headers: {
                    /** @description Strong validator of this representation; send it back in `If-None-Match` to get a 304. */
                    ETag?: string;
                    /** @description `public, max-age=31536000, immutable` for a concrete version; a short max-age with stale-while-revalidate for `latest` and for lists. */
                    "Cache-Control"?: string;
                    /** @description Responses differ by the negotiated content coding. */
                    Vary?: string;
                    /** @description Only when the URL says `latest`: the same resource at its concrete-version URL. */
                    "Content-Location"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A parameter is invalid: the problem names it (application/problem+json). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The roadmap, version or item does not exist: the problem names the id (application/problem+json). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getChangelogJsonFeed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The roadmap slug.
                 * @example mlops
                 */
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The JSON Feed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/feed+json": components["schemas"]["JsonFeed"];
                };
            };
            /** @description Not Modified: the `If-None-Match` validator still matches. No body; the caching headers are repeated. */
            304: {
                headers: {
                    /** @description Strong validator of this representation; send it back in `If-None-Match` to get a 304. */
                    ETag?: string;
                    /** @description `public, max-age=31536000, immutable` for a concrete version; a short max-age with stale-while-revalidate for `latest` and for lists. */
                    "Cache-Control"?: string;
                    /** @description Responses differ by the negotiated content coding. */
                    Vary?: string;
                    /** @description Only when the URL says `latest`: the same resource at its concrete-version URL. */
                    "Content-Location"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A parameter is invalid: the problem names it (application/problem+json). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The roadmap, version or item does not exist: the problem names the id (application/problem+json). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    exportVersion: {
        parameters: {
            query?: {
                /** @description `json` (the snapshot), `md` (a Markdown checklist) or `csv` (the resources). */
                format?: "json" | "md" | "csv";
            };
            header?: never;
            path: {
                /**
                 * @description The roadmap slug.
                 * @example mlops
                 */
                slug: string;
                /** @description A version id (the edition date) or `latest`. */
                version: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The version as a file (sent with Content-Disposition: attachment). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Snapshot"];
                    "text/markdown": string;
                    "text/csv": string;
                };
            };
            /** @description Not Modified: the `If-None-Match` validator still matches. No body; the caching headers are repeated. */
            304: {
                headers: {
                    /** @description Strong validator of this representation; send it back in `If-None-Match` to get a 304. */
                    ETag?: string;
                    /** @description `public, max-age=31536000, immutable` for a concrete version; a short max-age with stale-while-revalidate for `latest` and for lists. */
                    "Cache-Control"?: string;
                    /** @description Responses differ by the negotiated content coding. */
                    Vary?: string;
                    /** @description Only when the URL says `latest`: the same resource at its concrete-version URL. */
                    "Content-Location"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A parameter is invalid: the problem names it (application/problem+json). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The roadmap, version or item does not exist: the problem names the id (application/problem+json). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No format in Accept can be produced (application/problem+json). */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    exportVersionAs: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The roadmap slug.
                 * @example mlops
                 */
                slug: string;
                /** @description A version id (the edition date) or `latest`. */
                version: string;
                /** @description `json` (the snapshot), `md` (a Markdown checklist) or `csv` (the resources). */
                format: "json" | "md" | "csv";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The version as a file (sent with Content-Disposition: attachment). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Snapshot"];
                    "text/markdown": string;
                    "text/csv": string;
                };
            };
            /** @description Not Modified: the `If-None-Match` validator still matches. No body; the caching headers are repeated. */
            304: {
                headers: {
                    /** @description Strong validator of this representation; send it back in `If-None-Match` to get a 304. */
                    ETag?: string;
                    /** @description `public, max-age=31536000, immutable` for a concrete version; a short max-age with stale-while-revalidate for `latest` and for lists. */
                    "Cache-Control"?: string;
                    /** @description Responses differ by the negotiated content coding. */
                    Vary?: string;
                    /** @description Only when the URL says `latest`: the same resource at its concrete-version URL. */
                    "Content-Location"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A parameter is invalid: the problem names it (application/problem+json). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The roadmap, version or item does not exist: the problem names the id (application/problem+json). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getEmbedPage: {
        parameters: {
            query?: {
                /**
                 * @description Show one step, with its sub-steps, tools and resources.
                 * @example experiment-tracking-and-model-registries
                 */
                step?: string;
                /** @description `auto` follows the reader's colour-scheme preference. */
                theme?: "auto" | "light" | "dark";
            };
            header?: never;
            path: {
                /**
                 * @description The roadmap slug.
                 * @example mlops
                 */
                slug: string;
                /** @description A version id (the edition date) or `latest`. */
                version: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The page. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Not Modified: the `If-None-Match` validator still matches. No body; the caching headers are repeated. */
            304: {
                headers: {
                    /** @description Strong validator of this representation; send it back in `If-None-Match` to get a 304. */
                    ETag?: string;
                    /** @description `public, max-age=31536000, immutable` for a concrete version; a short max-age with stale-while-revalidate for `latest` and for lists. */
                    "Cache-Control"?: string;
                    /** @description Responses differ by the negotiated content coding. */
                    Vary?: string;
                    /** @description Only when the URL says `latest`: the same resource at its concrete-version URL. */
                    "Content-Location"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A parameter is invalid: the problem names it (application/problem+json). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The roadmap, version or item does not exist: the problem names the id (application/problem+json). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOembed: {
        parameters: {
            query: {
                /**
                 * @description The embed page URL: `{base}/embed/{slug}/{version}`, optionally with `step` and `theme`.
                 * @example https://roadmaps.example.org/embed/mlops/2024-01-12
                 */
                url: string;
                /**
                 * @description `json`, the only format served; any other answers 501.
                 * @example json
                 */
                format?: string;
                /** @description The widest iframe the consumer can show, in pixels. */
                maxwidth?: number;
                /** @description The tallest iframe the consumer can show, in pixels. */
                maxheight?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The oEmbed response. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        type: "rich";
                        /** @enum {string} */
                        version: "1.0";
                        /** @example MLOps roadmap 2024 (edition 2024-01-12) */
                        title: string;
                        /** @example Maria Vechtomova */
                        author_name: string;
                        author_url?: string;
                        /** @example Roadmap API */
                        provider_name: string;
                        /** @example https://roadmaps.example.org */
                        provider_url: string;
                        /** @description Seconds a consumer may cache this response: long for a concrete version, short for `latest`. */
                        cache_age: number;
                        /** @description The iframe to insert, sandboxed, sized to `width` × `height`. */
                        html: string;
                        /** @description Pixels; never more than `maxwidth`. */
                        width: number;
                        /** @description Pixels; never more than `maxheight`. */
                        height: number;
                    };
                };
            };
            /** @description Not Modified: the `If-None-Match` validator still matches. No body; the caching headers are repeated. */
            304: {
                headers: {
                    /** @description Strong validator of this representation; send it back in `If-None-Match` to get a 304. */
                    ETag?: string;
                    /** @description `public, max-age=31536000, immutable` for a concrete version; a short max-age with stale-while-revalidate for `latest` and for lists. */
                    "Cache-Control"?: string;
                    /** @description Responses differ by the negotiated content coding. */
                    Vary?: string;
                    /** @description Only when the URL says `latest`: the same resource at its concrete-version URL. */
                    "Content-Location"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A parameter is invalid: the problem names it (application/problem+json). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The roadmap, version or item does not exist: the problem names the id (application/problem+json). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A `format` other than json (application/problem+json). */
            501: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getDiagramSvg: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The roadmap slug.
                 * @example mlops
                 */
                slug: string;
                /** @description A version id (the edition date) or `latest`. */
                version: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The diagram. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/svg+xml": string;
                };
            };
            /** @description Not Modified: the `If-None-Match` validator still matches. No body; the caching headers are repeated. */
            304: {
                headers: {
                    /** @description Strong validator of this representation; send it back in `If-None-Match` to get a 304. */
                    ETag?: string;
                    /** @description `public, max-age=31536000, immutable` for a concrete version; a short max-age with stale-while-revalidate for `latest` and for lists. */
                    "Cache-Control"?: string;
                    /** @description Responses differ by the negotiated content coding. */
                    Vary?: string;
                    /** @description Only when the URL says `latest`: the same resource at its concrete-version URL. */
                    "Content-Location"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A parameter is invalid: the problem names it (application/problem+json). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The roadmap, version or item does not exist: the problem names the id (application/problem+json). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getDiagramPng: {
        parameters: {
            query?: {
                /** @description Pixels per diagram unit. */
                scale?: number;
            };
            header?: never;
            path: {
                /**
                 * @description The roadmap slug.
                 * @example mlops
                 */
                slug: string;
                /** @description A version id (the edition date) or `latest`. */
                version: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The diagram. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/png": string;
                };
            };
            /** @description Not Modified: the `If-None-Match` validator still matches. No body; the caching headers are repeated. */
            304: {
                headers: {
                    /** @description Strong validator of this representation; send it back in `If-None-Match` to get a 304. */
                    ETag?: string;
                    /** @description `public, max-age=31536000, immutable` for a concrete version; a short max-age with stale-while-revalidate for `latest` and for lists. */
                    "Cache-Control"?: string;
                    /** @description Responses differ by the negotiated content coding. */
                    Vary?: string;
                    /** @description Only when the URL says `latest`: the same resource at its concrete-version URL. */
                    "Content-Location"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A parameter is invalid: the problem names it (application/problem+json). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The roadmap, version or item does not exist: the problem names the id (application/problem+json). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
