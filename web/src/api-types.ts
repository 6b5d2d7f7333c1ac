/**
 * Generated from the API's OpenAPI document (GET /docs-json) by openapi-typescript; do not edit.
 * Regenerate with `npm run api-types` (scripts/api-types.ts); the api-types test fails when stale.
 */

export interface paths {
    "/acuses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Acuses de recibido de su ámbito (escuela: los suyos; DRSE: los de su DRSE; central: todos), del más reciente.
         * @description **Roles:** ESCUELA, DRSE_PLANEACION, DRSE_CONTROL_ESCOLAR, DRSE_TECNOLOGIAS, RECURSOS_MATERIALES, CONTROL_ESCOLAR_CENTRAL, DGTI, ADMIN.
         */
        get: operations["AcusesController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/acuses/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Un acuse de recibido.
         * @description **Roles:** ESCUELA, DRSE_PLANEACION, DRSE_CONTROL_ESCOLAR, DRSE_TECNOLOGIAS, RECURSOS_MATERIALES, CONTROL_ESCOLAR_CENTRAL, DGTI, ADMIN.
         */
        get: operations["AcusesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/acuses/{id}/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * El acuse en PDF para imprimir, firmar y sellar (su QR lleva solo el folio).
         * @description **Roles:** ESCUELA, DRSE_PLANEACION, DRSE_CONTROL_ESCOLAR, DRSE_TECNOLOGIAS, RECURSOS_MATERIALES, CONTROL_ESCOLAR_CENTRAL, DGTI, ADMIN.
         */
        get: operations["AcusesController_pdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/acuses/{id}/signed-scan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * La copia firmada y sellada del acuse, tal como se cargó.
         * @description **Roles:** ESCUELA, DRSE_PLANEACION, DRSE_CONTROL_ESCOLAR, DRSE_TECNOLOGIAS, RECURSOS_MATERIALES, CONTROL_ESCOLAR_CENTRAL, DGTI, ADMIN.
         */
        get: operations["AcusesController_signedScan"];
        put?: never;
        /**
         * Carga la copia firmada y sellada del acuse (PDF, JPEG o PNG); una vez cargada no se reemplaza.
         * @description **Roles:** ESCUELA, DRSE_CONTROL_ESCOLAR, DRSE_TECNOLOGIAS, RECURSOS_MATERIALES, ADMIN.
         */
        post: operations["AcusesController_attachSignedScan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Inicia sesión: token de acceso (JWT, 15 min) en la respuesta y token de renovación en la cookie «sej_refresh» (HttpOnly, SameSite=Strict, Path=/auth). Limitado por IP + usuario; la cuenta se bloquea (429, Retry-After) tras varios intentos fallidos seguidos.
         * @description **Roles:** público (sin sesión).
         */
        post: operations["AuthController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cierra la sesión: su token de acceso y su cookie de renovación dejan de servir de inmediato.
         * @description **Roles:** ESCUELA, DRSE_PLANEACION, DRSE_CONTROL_ESCOLAR, DRSE_TECNOLOGIAS, RECURSOS_MATERIALES, CONTROL_ESCOLAR_CENTRAL, DGTI, ADMIN.
         */
        post: operations["AuthController_logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/logout-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cierra todas sus sesiones, en todos los equipos y navegadores (también esta).
         * @description **Roles:** ESCUELA, DRSE_PLANEACION, DRSE_CONTROL_ESCOLAR, DRSE_TECNOLOGIAS, RECURSOS_MATERIALES, CONTROL_ESCOLAR_CENTRAL, DGTI, ADMIN.
         */
        post: operations["AuthController_logoutAll"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Quién es usted: rol, ámbito (escuela o DRSE) y usuario.
         * @description **Roles:** ESCUELA, DRSE_PLANEACION, DRSE_CONTROL_ESCOLAR, DRSE_TECNOLOGIAS, RECURSOS_MATERIALES, CONTROL_ESCOLAR_CENTRAL, DGTI, ADMIN.
         */
        get: operations["AuthController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cambia su contraseña: pide la actual; la nueva tiene al menos 12 caracteres y no es una contraseña común. Sus otras sesiones se cierran; esta sigue abierta.
         * @description **Roles:** ESCUELA, DRSE_PLANEACION, DRSE_CONTROL_ESCOLAR, DRSE_TECNOLOGIAS, RECURSOS_MATERIALES, CONTROL_ESCOLAR_CENTRAL, DGTI, ADMIN.
         */
        post: operations["AuthController_changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Renueva la sesión con la cookie «sej_refresh»: nuevo token de acceso y nueva cookie. La cookie es de un solo uso: reusarla cierra la sesión entera (salvo dos pestañas que renuevan a la vez).
         * @description **Roles:** público (sin sesión).
         */
        post: operations["AuthController_refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cards/{folio}/correction": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Desmarca una credencial expedida por error (R9): queda ANULADA, con el motivo, auditado.
         * @description **Roles:** CONTROL_ESCOLAR_CENTRAL.
         *
         *     Solo Control Escolar central. Repetirla devuelve la primera corrección. El alumno puede imprimirse de nuevo con un folio nuevo.
         */
        post: operations["CardsController_correct"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cards/{folio}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * La credencial y su bitácora: quién, cuándo y por qué se corrigió, revocó o reemplazó.
         * @description **Roles:** ESCUELA, DRSE_PLANEACION, DRSE_CONTROL_ESCOLAR, CONTROL_ESCOLAR_CENTRAL, ADMIN.
         */
        get: operations["CardsController_events"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/complaints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Quejas de su ámbito: una DRSE ve las turnadas a ella; una escuela, las suyas; los roles centrales, todas.
         * @description **Roles:** ESCUELA, DRSE_PLANEACION, DRSE_CONTROL_ESCOLAR, CONTROL_ESCOLAR_CENTRAL, ADMIN.
         */
        get: operations["ComplaintsController_list"];
        put?: never;
        /**
         * R4: una familia pidió la credencial y el director se negó. La presenta la escuela o la DRSE en nombre de la familia; se turna a la DRSE de la escuela.
         * @description **Roles:** ESCUELA, DRSE_PLANEACION, DRSE_CONTROL_ESCOLAR, CONTROL_ESCOLAR_CENTRAL, ADMIN.
         *
         *     Control Escolar de la DRSE debe atenderla antes de `dueAt` (COMPLAINT_DUE_DAYS días); después aparece como vencida (`overdue`).
         */
        post: operations["ComplaintsController_file"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/complaints/{id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Control Escolar de la DRSE (o central) resuelve la queja: PROCEDE o NO_PROCEDE, con la resolución.
         * @description **Roles:** DRSE_CONTROL_ESCOLAR, CONTROL_ESCOLAR_CENTRAL, ADMIN.
         *
         *     PROCEDE: si la familia había declinado la credencial, la declinación se revierte (queda en la bitácora de la escuela) y el alumno sale en la siguiente corrida. Ya atendida → 409.
         */
        post: operations["ComplaintsController_resolve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cycles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Ciclos escolares, el vigente marcado, con su tarifa de reposición y su holograma.
         * @description **Roles:** ESCUELA, DRSE_PLANEACION, DRSE_CONTROL_ESCOLAR, DRSE_TECNOLOGIAS, RECURSOS_MATERIALES, CONTROL_ESCOLAR_CENTRAL, DGTI, ADMIN.
         */
        get: operations["CyclesController_list"];
        put?: never;
        /**
         * Crea el siguiente ciclo escolar (todavía no vigente).
         * @description **Roles:** ADMIN.
         */
        post: operations["CyclesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cycles/{code}/open": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Abre el ciclo: pasa a ser el vigente y el anterior se cierra.
         * @description **Roles:** ADMIN.
         *
         *     Los alumnos con credencial expedida pasan a «continúa» (su credencial sigue valiendo con el holograma del nuevo ciclo); solicitudes y tiradas usan desde ese momento el holograma del nuevo ciclo. Abrir el ciclo vigente no cambia nada.
         */
        post: operations["CyclesController_open"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cycles/{code}/tariffs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Tarifa de reposición del ciclo (R5) y su historial.
         * @description **Roles:** ESCUELA, DRSE_PLANEACION, DRSE_CONTROL_ESCOLAR, DRSE_TECNOLOGIAS, RECURSOS_MATERIALES, CONTROL_ESCOLAR_CENTRAL, DGTI, ADMIN.
         */
        get: operations["CyclesController_tariffs"];
        put?: never;
        /**
         * Cambia la tarifa de reposición del ciclo desde ahora (queda en el historial).
         * @description **Roles:** ADMIN.
         */
        post: operations["CyclesController_setTariff"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/drses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * DRSE y Sub-DRSE, con la DRSE a la que pertenece cada Sub-DRSE.
         * @description **Roles:** ESCUELA, DRSE_PLANEACION, DRSE_CONTROL_ESCOLAR, DRSE_TECNOLOGIAS, RECURSOS_MATERIALES, CONTROL_ESCOLAR_CENTRAL, DGTI, ADMIN.
         */
        get: operations["DrsesController_list"];
        put?: never;
        /**
         * Da de alta una Sub-DRSE (con la DRSE a la que pertenece) o una DRSE.
         * @description **Roles:** ADMIN.
         */
        post: operations["DrsesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/drses/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Cambia el nombre o la sede de una DRSE o Sub-DRSE.
         * @description **Roles:** ADMIN.
         */
        patch: operations["DrsesController_update"];
        trace?: never;
    };
    "/equipment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Impresoras y enmicadoras de los almacenes de su ámbito (o de uno, con `holderId`).
         * @description **Roles:** ESCUELA, DRSE_PLANEACION, DRSE_CONTROL_ESCOLAR, DRSE_TECNOLOGIAS, RECURSOS_MATERIALES, CONTROL_ESCOLAR_CENTRAL, DGTI, ADMIN.
         */
        get: operations["EquipmentController_list"];
        put?: never;
        /**
         * Registra una impresora o enmicadora del kit (R6) con su número de serie.
         * @description **Roles:** DRSE_TECNOLOGIAS, RECURSOS_MATERIALES, ADMIN.
         */
        post: operations["EquipmentController_register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/equipment/{id}/failures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * R10: reporta una falla del equipo; se turna a la Oficina de Tecnologías de la DRSE del almacén (central: DGTI) y abre un ticket de soporte EQUIPO (`ticketId`).
         * @description **Roles:** ESCUELA, DRSE_CONTROL_ESCOLAR, DRSE_TECNOLOGIAS, RECURSOS_MATERIALES, ADMIN.
         */
        post: operations["EquipmentController_reportFailure"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/equipment/failures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Reportes de falla: Tecnologías ve los turnados a su DRSE; los roles centrales, todos.
         * @description **Roles:** DRSE_TECNOLOGIAS, RECURSOS_MATERIALES, CONTROL_ESCOLAR_CENTRAL, DGTI, ADMIN.
         */
        get: operations["EquipmentController_failures"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/equipment/failures/{id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cierra un reporte de falla con la solución; el equipo vuelve a estar operativo.
         * @description **Roles:** DRSE_TECNOLOGIAS, CONTROL_ESCOLAR_CENTRAL, DGTI, ADMIN.
         */
        post: operations["EquipmentController_resolve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Estado del sistema: base de datos y Temporal (público).
         * @description **Roles:** público (sin sesión).
         */
        get: operations["HealthController_check"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/inbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Sus tareas abiertas (su rol, su ámbito): vencidas primero, luego por fecha de vencimiento.
         * @description **Roles:** ESCUELA, DRSE_PLANEACION, DRSE_CONTROL_ESCOLAR, DRSE_TECNOLOGIAS, RECURSOS_MATERIALES, CONTROL_ESCOLAR_CENTRAL, DGTI, ADMIN.
         */
        get: operations["InboxController_inbox"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/inbox/counts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Cuántos pendientes tiene, por tipo (para el menú).
         * @description **Roles:** ESCUELA, DRSE_PLANEACION, DRSE_CONTROL_ESCOLAR, DRSE_TECNOLOGIAS, RECURSOS_MATERIALES, CONTROL_ESCOLAR_CENTRAL, DGTI, ADMIN.
         */
        get: operations["InboxEntriesController_counts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/inbox/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Todo lo que espera a su rol en su ámbito: tareas de trámites (incidentes primero), tickets de abastecimiento por revisar o surtir, envíos por recibir y acuses firmados por subir; vencidas primero, luego por vencimiento y antigüedad.
         * @description **Roles:** ESCUELA, DRSE_PLANEACION, DRSE_CONTROL_ESCOLAR, DRSE_TECNOLOGIAS, RECURSOS_MATERIALES, CONTROL_ESCOLAR_CENTRAL, DGTI, ADMIN.
         */
        get: operations["InboxEntriesController_items"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/inventory/holders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Almacenes de su ámbito: el central (roles estatales), el de cada DRSE, el de cada escuela que imprime en sitio.
         * @description **Roles:** ESCUELA, DRSE_PLANEACION, DRSE_CONTROL_ESCOLAR, DRSE_TECNOLOGIAS, RECURSOS_MATERIALES, CONTROL_ESCOLAR_CENTRAL, DGTI, ADMIN.
         *
         *     El almacén propio del usuario y el nombrado por `drseCode` o `schoolId` se crean al primer uso.
         */
        get: operations["HoldersController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/inventory/holders/{id}/adjustments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ajusta la existencia tras un conteo físico; el motivo es obligatorio y el disponible nunca queda negativo.
         * @description **Roles:** ESCUELA, DRSE_TECNOLOGIAS, RECURSOS_MATERIALES, ADMIN.
         *
         *     La escuela ajusta el suyo; Tecnologías, los de su DRSE; Recursos Materiales, el central; el administrador, cualquiera.
         */
        post: operations["HoldersController_adjust"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/inventory/holders/{id}/balances": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Existencias por artículo (en mano, reservado, disponible) con la marca de existencia baja y la cantidad sugerida.
         * @description **Roles:** ESCUELA, DRSE_PLANEACION, DRSE_CONTROL_ESCOLAR, DRSE_TECNOLOGIAS, RECURSOS_MATERIALES, CONTROL_ESCOLAR_CENTRAL, DGTI, ADMIN.
         */
        get: operations["HoldersController_balances"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/inventory/holders/{id}/justification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * R6: justificación del uso del material en un ciclo (recibido, consumido, merma por motivo, existencia) con los tirajes detrás.
         * @description **Roles:** ESCUELA, DRSE_PLANEACION, DRSE_CONTROL_ESCOLAR, DRSE_TECNOLOGIAS, RECURSOS_MATERIALES, CONTROL_ESCOLAR_CENTRAL, DGTI, ADMIN.
         */
        get: operations["HoldersController_justification"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/inventory/holders/{id}/ledger": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Movimientos del libro de existencias del almacén, del más reciente al más antiguo; filtros por artículo y tipo.
         * @description **Roles:** ESCUELA, DRSE_PLANEACION, DRSE_CONTROL_ESCOLAR, DRSE_TECNOLOGIAS, RECURSOS_MATERIALES, CONTROL_ESCOLAR_CENTRAL, DGTI, ADMIN.
         */
        get: operations["HoldersController_ledger"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/inventory/holders/{id}/receipts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Registra material recibido de fuera (proveedor, kit inicial), en paquetes completos.
         * @description **Roles:** RECURSOS_MATERIALES, ADMIN.
         *
         *     Recursos Materiales, solo en el almacén central (403 en otro); el administrador, en cualquiera.
         */
        post: operations["HoldersController_receive"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/inventory/holders/{id}/thresholds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Fija los umbrales de existencia baja (mínimo y objetivo) de uno o varios artículos; el último valor gana.
         * @description **Roles:** DRSE_TECNOLOGIAS, ADMIN.
         */
        put: operations["HoldersController_setThresholds"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/inventory/initial-kits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Vista previa de los kits iniciales (R6) del ciclo: cada escuela que imprime en sitio y cada DRSE por sus escuelas asignadas por R1.
         * @description **Roles:** RECURSOS_MATERIALES, ADMIN.
         *
         *     Sólo lee. Cada kit dice si ya está registrado en el almacén de su destinatario.
         */
        get: operations["InitialKitsController_preview"];
        put?: never;
        /**
         * Registra como recepción cada kit inicial del ciclo que falta; aplicarlo otra vez no registra nada nuevo.
         * @description **Roles:** ADMIN.
         *
         *     Impresoras y enmicadoras se registran aparte, con su número de serie (POST /equipment).
         */
        post: operations["InitialKitsController_apply"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/manual/impresion.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Manual para la impresión y el enmicado de credenciales (PDF), generado del texto de docs/manual-impresion.md.
         * @description **Roles:** público (sin sesión).
         */
        get: operations["ManualController_pdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/print-runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Corridas de impresión de su ámbito (una DRSE: las suyas y las de sus escuelas en sitio; una escuela: las suyas), de la más reciente.
         * @description **Roles:** ESCUELA, DRSE_PLANEACION, DRSE_CONTROL_ESCOLAR, CONTROL_ESCOLAR_CENTRAL, ADMIN.
         */
        get: operations["PrintRunsController_list"];
        put?: never;
        /**
         * Genera una corrida de impresión: planillas de 8, folios, anulación de los espacios en blanco (R7) y credenciales marcadas como expedidas (R9).
         * @description **Roles:** ESCUELA, DRSE_CONTROL_ESCOLAR, CONTROL_ESCOLAR_CENTRAL, ADMIN.
         *
         *     Control Escolar de una DRSE imprime como su DRSE (escuelas que R1 le asigna); una escuela que imprime en sitio, para sí misma; los roles centrales indican `holder`. Una escuela cuya DRSE imprime recibe 422 `RUTA_DE_IMPRESION`. Incluye solas las reposiciones pendientes (R5). Los alumnos que no pueden imprimirse se listan en `excluded` con su motivo. Un alumno con credencial vigente (de cualquier ciclo, salvo reposición) no recibe otra: se cuenta en `hologramOnly` (sólo el holograma del ciclo; una escuela en sitio lo registra, y una corrida suya con sólo hologramas no tiene planillas). Si nadie necesita credencial nueva (ni, en sitio, holograma), 422 `NADA_QUE_IMPRIMIR`.
         */
        post: operations["PrintRunsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/print-runs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Una corrida: credenciales expedidas (folio, planilla, lugar), folios anulados (R7) y alumnos excluidos con su motivo.
         * @description **Roles:** ESCUELA, DRSE_PLANEACION, DRSE_CONTROL_ESCOLAR, CONTROL_ESCOLAR_CENTRAL, ADMIN.
         */
        get: operations["PrintRunsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/print-runs/{id}/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * El PDF de la corrida para imprimir (se genera la primera vez desde los folios guardados; nunca asigna folios).
         * @description **Roles:** ESCUELA, DRSE_CONTROL_ESCOLAR, CONTROL_ESCOLAR_CENTRAL, ADMIN.
         */
        get: operations["PrintRunsController_pdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/print-runs/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Muestra en PDF con marca de agua «MUESTRA — SIN VALIDEZ»: no usa folios ni marca nada como expedido.
         * @description **Roles:** ESCUELA, DRSE_CONTROL_ESCOLAR, CONTROL_ESCOLAR_CENTRAL, ADMIN.
         *
         *     Mismo cuerpo y mismas reglas que la corrida. Encabezados `X-Planillas`, `X-Tarjetas`, `X-Excluidos`, `X-Solo-Holograma` (cuántos; los últimos: alumnos con credencial vigente que reciben sólo el holograma del ciclo).
         */
        post: operations["PrintRunsController_preview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/procedures/{procedure}/diagram": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Diagrama Mermaid de un procedimiento, generado de su statechart, con sus estados (para resaltar `chart.state` de una solicitud).
         * @description **Roles:** ESCUELA, DRSE_PLANEACION, DRSE_CONTROL_ESCOLAR, DRSE_TECNOLOGIAS, RECURSOS_MATERIALES, CONTROL_ESCOLAR_CENTRAL, DGTI, ADMIN.
         */
        get: operations["DiagramsController_diagram"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/replacements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Reposiciones de su ámbito (`?status=PENDIENTE`: las que esperan la siguiente corrida), de la más reciente.
         * @description **Roles:** ESCUELA, DRSE_PLANEACION, DRSE_CONTROL_ESCOLAR, CONTROL_ESCOLAR_CENTRAL, ADMIN.
         */
        get: operations["ReplacementsController_list"];
        put?: never;
        /**
         * Registra el recibo de pago de una reposición (R5) e inicia su trámite: revoca el folio vigente; el trámite genera la credencial nueva, la tarea de impresión de quien imprime para la escuela, la entrega y el acuse.
         * @description **Roles:** ESCUELA, DRSE_PLANEACION, DRSE_CONTROL_ESCOLAR, CONTROL_ESCOLAR_CENTRAL, ADMIN.
         *
         *     La escuela, para sus alumnos; Control Escolar o Planeación de la DRSE en nombre de una escuela sin internet (403 si la escuela tiene internet); central. El importe debe ser la tarifa del ciclo vigente (422 si no). Un recibo ya registrado → 409. Sin motor de trámites → 503.
         */
        post: operations["ReplacementsController_record"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/replacements/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Credenciales reportadas (extraviadas, robadas o dañadas) de su ámbito, de la más reciente, con el estado de su reposición.
         * @description **Roles:** ESCUELA, DRSE_PLANEACION, DRSE_CONTROL_ESCOLAR, CONTROL_ESCOLAR_CENTRAL, ADMIN.
         */
        get: operations["ReplacementsController_reports"];
        put?: never;
        /**
         * Reporta la credencial vigente de un alumno como extraviada, robada o dañada: desde ese momento la verificación pública la da por no válida («reportada», con la fecha), antes de cualquier pago.
         * @description **Roles:** ESCUELA, DRSE_PLANEACION, DRSE_CONTROL_ESCOLAR, CONTROL_ESCOLAR_CENTRAL, ADMIN.
         *
         *     La escuela, para sus alumnos; Control Escolar o Planeación de la DRSE, en nombre de una escuela de su ámbito sin internet (403 si la escuela tiene internet: lo hace ella); central, cualquiera. La reposición sigue pidiendo el recibo de pago. Una credencial ya reportada → 409.
         */
        post: operations["ReplacementsController_report"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reports/coverage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Cobertura del ciclo vigente: roles centrales, el estado con una fila por DRSE; el personal de una DRSE, la suya y sus Sub-DRSE.
         * @description **Roles:** DRSE_PLANEACION, DRSE_CONTROL_ESCOLAR, DRSE_TECNOLOGIAS, RECURSOS_MATERIALES, CONTROL_ESCOLAR_CENTRAL, ADMIN.
         *
         *     Alumnos, con foto, declinaron, credenciales, hologramas, pendientes, solicitudes por estado y vencidas, material disponible contra lo que necesitan los pendientes.
         */
        get: operations["CoverageController_summary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reports/coverage/csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * La cobertura (una fila por DRSE y el total) como CSV.
         * @description **Roles:** DRSE_PLANEACION, DRSE_CONTROL_ESCOLAR, DRSE_TECNOLOGIAS, RECURSOS_MATERIALES, CONTROL_ESCOLAR_CENTRAL, ADMIN.
         */
        get: operations["CoverageController_summaryCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reports/coverage/drses/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Cobertura de una DRSE o Sub-DRSE, con una fila por escuela.
         * @description **Roles:** DRSE_PLANEACION, DRSE_CONTROL_ESCOLAR, DRSE_TECNOLOGIAS, RECURSOS_MATERIALES, CONTROL_ESCOLAR_CENTRAL, ADMIN.
         */
        get: operations["CoverageController_drse"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reports/coverage/drses/{code}/csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * La cobertura de una DRSE (una fila por escuela y el total) como CSV.
         * @description **Roles:** DRSE_PLANEACION, DRSE_CONTROL_ESCOLAR, DRSE_TECNOLOGIAS, RECURSOS_MATERIALES, CONTROL_ESCOLAR_CENTRAL, ADMIN.
         */
        get: operations["CoverageController_drseCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reports/coverage/schools/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Cobertura de una escuela de su ámbito (la escuela ve la suya).
         * @description **Roles:** ESCUELA, DRSE_PLANEACION, DRSE_CONTROL_ESCOLAR, DRSE_TECNOLOGIAS, RECURSOS_MATERIALES, CONTROL_ESCOLAR_CENTRAL, DGTI, ADMIN.
         */
        get: operations["CoverageController_school"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Solicitudes de su ámbito, de la más reciente a la más antigua.
         * @description **Roles:** ESCUELA, DRSE_PLANEACION, DRSE_CONTROL_ESCOLAR, DRSE_TECNOLOGIAS, RECURSOS_MATERIALES, CONTROL_ESCOLAR_CENTRAL, ADMIN.
         */
        get: operations["RequestsController_list"];
        put?: never;
        /**
         * Presenta un oficio (Procedimiento 1 o 2: PDF escaneado + listas) o una reposición (recibo de pago), e inicia su trámite.
         * @description **Roles:** ESCUELA, DRSE_PLANEACION, DRSE_CONTROL_ESCOLAR.
         */
        post: operations["RequestsController_file"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/requests/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Detalle: estado público, tarea abierta, acciones que usted puede tomar ahora, línea de tiempo (bitácora) y documentos.
         * @description **Roles:** ESCUELA, DRSE_PLANEACION, DRSE_CONTROL_ESCOLAR, DRSE_TECNOLOGIAS, RECURSOS_MATERIALES, CONTROL_ESCOLAR_CENTRAL, ADMIN.
         */
        get: operations["RequestsController_detail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/requests/{id}/decisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Decide el paso abierto con un evento (p. ej. ACCEPT, RETURN, VALIDATE_PARTIAL con datos): 409 si el evento no procede ahora, 403 si su rol no atiende ese paso.
         * @description **Roles:** ESCUELA, DRSE_PLANEACION, DRSE_CONTROL_ESCOLAR, DRSE_TECNOLOGIAS, RECURSOS_MATERIALES, CONTROL_ESCOLAR_CENTRAL, DGTI, ADMIN.
         */
        post: operations["RequestsController_decide"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/requests/{id}/material": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Procedimiento 2 devuelto a la escuela: corrige el material pedido (después envíe la decisión RESUBMIT).
         * @description **Roles:** ESCUELA.
         */
        put: operations["RequestsController_replaceMaterial"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/requests/{id}/oficio": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * El oficio escaneado (PDF).
         * @description **Roles:** ESCUELA, DRSE_PLANEACION, DRSE_CONTROL_ESCOLAR, DRSE_TECNOLOGIAS, RECURSOS_MATERIALES, CONTROL_ESCOLAR_CENTRAL, ADMIN.
         */
        get: operations["RequestsController_oficio"];
        /**
         * Solicitud devuelta a la escuela: reemplaza el oficio escaneado (después envíe la decisión RESUBMIT).
         * @description **Roles:** ESCUELA, DRSE_PLANEACION, DRSE_CONTROL_ESCOLAR.
         */
        put: operations["RequestsController_replaceOficio"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/requests/{id}/signed-acuse": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sube el acuse de entrega firmado y sellado (PDF, JPEG o PNG) y concluye la entrega: 409 si la solicitud no espera el acuse, 403 si su rol no lo recaba.
         * @description **Roles:** ESCUELA, DRSE_PLANEACION, DRSE_CONTROL_ESCOLAR, DRSE_TECNOLOGIAS, RECURSOS_MATERIALES, CONTROL_ESCOLAR_CENTRAL, DGTI, ADMIN.
         */
        post: operations["RequestsController_signedAcuse"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/requests/{id}/students": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Procedimiento 1 devuelto a la escuela: reemplaza las listas de alumnos (después envíe la decisión RESUBMIT).
         * @description **Roles:** ESCUELA, DRSE_PLANEACION, DRSE_CONTROL_ESCOLAR.
         */
        put: operations["RequestsController_replaceStudents"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/requests/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * La escuela retira su solicitud (antes de la validación); después, 409.
         * @description **Roles:** ESCUELA, DRSE_PLANEACION, DRSE_CONTROL_ESCOLAR.
         */
        post: operations["RequestsController_withdraw"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/schools": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Escuelas de su ámbito (la suya, las de su DRSE o todas), con filtros y paginación.
         * @description **Roles:** ESCUELA, DRSE_PLANEACION, DRSE_CONTROL_ESCOLAR, DRSE_TECNOLOGIAS, RECURSOS_MATERIALES, CONTROL_ESCOLAR_CENTRAL, DGTI, ADMIN.
         */
        get: operations["SchoolsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/schools/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Una escuela, con su ruta de impresión (R1) y el motivo.
         * @description **Roles:** ESCUELA, DRSE_PLANEACION, DRSE_CONTROL_ESCOLAR, DRSE_TECNOLOGIAS, RECURSOS_MATERIALES, CONTROL_ESCOLAR_CENTRAL, DGTI, ADMIN.
         */
        get: operations["SchoolsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Cambia datos de una escuela (matrícula, internet, domicilio, teléfono, DRSE); auditado, recalcula R1.
         * @description **Roles:** ADMIN, CONTROL_ESCOLAR_CENTRAL, DRSE_CONTROL_ESCOLAR.
         *
         *     Las solicitudes en curso conservan la ruta con la que iniciaron; la respuesta las lista.
         */
        patch: operations["SchoolsController_edit"];
        trace?: never;
    };
    "/schools/{id}/changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Historial de cambios de la escuela: quién, cuándo, dato, anterior → nuevo.
         * @description **Roles:** ESCUELA, DRSE_PLANEACION, DRSE_CONTROL_ESCOLAR, DRSE_TECNOLOGIAS, RECURSOS_MATERIALES, CONTROL_ESCOLAR_CENTRAL, DGTI, ADMIN.
         */
        get: operations["SchoolsController_changes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/schools/{id}/holograms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * La escuela confirma que colocó el holograma del ciclo vigente a estos alumnos (uno por alumno y ciclo).
         * @description **Roles:** ESCUELA, DRSE_CONTROL_ESCOLAR, CONTROL_ESCOLAR_CENTRAL, ADMIN.
         */
        post: operations["CyclesController_confirmHolograms"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/schools/{id}/work-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Bitácora del trabajo de la escuela: alumnos, fotografías, declinaciones, oficios, reposiciones y reportes; quién lo hizo y si fue la DRSE en nombre de la escuela (sin internet).
         * @description **Roles:** ESCUELA, DRSE_PLANEACION, DRSE_CONTROL_ESCOLAR, CONTROL_ESCOLAR_CENTRAL, ADMIN.
         */
        get: operations["SchoolsController_workLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/schools/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Importa escuelas de un CSV de SCEJAL (CCT, TURNO, NIVEL, NOMBRE, DOMICILIO, TELEFONO, MUNICIPIO, DRSE, MATRICULA, INTERNET, SOSTENIMIENTO).
         * @description **Roles:** ADMIN, CONTROL_ESCOLAR_CENTRAL.
         *
         *     Alta o actualización por CCT + turno; cada cambio queda auditado y recalcula R1. Con `?simular=true` sólo informa qué se crearía, cambiaría (anterior → nuevo) o rechazaría y qué escuelas cambiarían de ruta de impresión. Escuelas particulares se rechazan. Si algún renglón está mal no se importa nada (422), salvo con `?parcial=true`.
         */
        post: operations["SchoolsController_importCsv"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/schools/import.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Importa escuelas dadas como renglones JSON (los mismos campos y reglas que el CSV).
         * @description **Roles:** ADMIN, CONTROL_ESCOLAR_CENTRAL.
         */
        post: operations["SchoolsController_importJson"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/security/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * La bitácora de seguridad (solo se anexa): inicios de sesión y sus fallos, bloqueos, cierres globales, cuentas deshabilitadas y habilitadas, cambios de contraseña y de rol. Lo más reciente primero.
         * @description **Roles:** ADMIN.
         */
        get: operations["SecurityEventsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/students": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Alumnos de su ámbito, con filtros y paginación.
         * @description **Roles:** ESCUELA, DRSE_PLANEACION, DRSE_CONTROL_ESCOLAR, CONTROL_ESCOLAR_CENTRAL, ADMIN.
         */
        get: operations["StudentsController_list"];
        put?: never;
        /**
         * Registra un alumno (una ESCUELA, en su escuela; Control Escolar central, en cualquiera).
         * @description **Roles:** ESCUELA, DRSE_PLANEACION, DRSE_CONTROL_ESCOLAR, CONTROL_ESCOLAR_CENTRAL, ADMIN.
         */
        post: operations["StudentsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/students/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Un alumno.
         * @description **Roles:** ESCUELA, DRSE_PLANEACION, DRSE_CONTROL_ESCOLAR, CONTROL_ESCOLAR_CENTRAL, ADMIN.
         */
        get: operations["StudentsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/students/{id}/opt-out": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * R4: registra que la familia declinó la credencial (no se expedirá). Repetirlo no cambia nada.
         * @description **Roles:** ESCUELA, DRSE_PLANEACION, DRSE_CONTROL_ESCOLAR, CONTROL_ESCOLAR_CENTRAL, ADMIN.
         */
        post: operations["StudentsController_optOut"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/students/{id}/opt-out/reversal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * R4: revierte la declinación cuando la familia pide después la credencial; el alumno vuelve a ser elegible. Queda en la bitácora de la escuela.
         * @description **Roles:** ESCUELA, DRSE_PLANEACION, DRSE_CONTROL_ESCOLAR, CONTROL_ESCOLAR_CENTRAL, ADMIN.
         *
         *     La escuela, para sus alumnos; Control Escolar o Planeación de la DRSE, en nombre de una escuela de su ámbito sin internet (403 si la escuela tiene internet); central. Si el alumno no había declinado → 409.
         */
        post: operations["StudentsController_reverseOptOut"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/students/{id}/photo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * La fotografía del alumno.
         * @description **Roles:** ESCUELA, DRSE_PLANEACION, DRSE_CONTROL_ESCOLAR, CONTROL_ESCOLAR_CENTRAL, ADMIN.
         */
        get: operations["StudentsController_photo"];
        /**
         * Carga o reemplaza la fotografía de un alumno (JPEG o PNG; R8).
         * @description **Roles:** ESCUELA, DRSE_PLANEACION, DRSE_CONTROL_ESCOLAR, CONTROL_ESCOLAR_CENTRAL, ADMIN.
         *
         *     Se guarda una copia normalizada: orientada, recortada a 240 × 300 px (el recuadro de la credencial a 300 ppp), JPEG sin metadatos (sin ubicación GPS, equipo ni fecha).
         */
        put: operations["StudentsController_setPhoto"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/students/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Importa alumnos de un CSV estilo SCEJAL (CURP, NOMBRES, PRIMER_APELLIDO, SEGUNDO_APELLIDO, PRIMER_INGRESO[, CCT, TURNO]).
         * @description **Roles:** ESCUELA, DRSE_PLANEACION, DRSE_CONTROL_ESCOLAR, CONTROL_ESCOLAR_CENTRAL, ADMIN.
         *
         *     Reporta cada línea rechazada y por qué. Si alguna línea está mal no se importa nada (422), salvo con `?parcial=true`. Una CURP ya registrada en la misma escuela se actualiza.
         */
        post: operations["StudentsController_importCsv"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/students/photos.zip": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Carga fotografías de un ZIP con archivos <CURP>.jpg|.png en la raíz.
         * @description **Roles:** ESCUELA, DRSE_PLANEACION, DRSE_CONTROL_ESCOLAR, CONTROL_ESCOLAR_CENTRAL, ADMIN.
         *
         *     Se rechazan entradas con carpetas o «..», contenido que no es JPEG/PNG, CURP desconocida o fuera de su ámbito. Si alguna falla no se carga ninguna (422), salvo con `?parcial=true`.
         */
        post: operations["StudentsController_importPhotos"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/supply-tickets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Tickets de su ámbito (una DRSE, los suyos; central, todos), del más reciente al más antiguo.
         * @description **Roles:** DRSE_PLANEACION, DRSE_CONTROL_ESCOLAR, DRSE_TECNOLOGIAS, RECURSOS_MATERIALES, CONTROL_ESCOLAR_CENTRAL, ADMIN.
         */
        get: operations["SupplyTicketsController_list"];
        put?: never;
        /**
         * Abre un ticket de abastecimiento de una DRSE: artículos, cantidades y justificación; el reporte de consumo (R6) se adjunta solo.
         * @description **Roles:** DRSE_TECNOLOGIAS, ADMIN.
         */
        post: operations["SupplyTicketsController_open"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/supply-tickets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Un ticket: renglones (pedido, aprobado, enviado, recibido, pendiente), envíos y el reporte de consumo adjunto.
         * @description **Roles:** DRSE_PLANEACION, DRSE_CONTROL_ESCOLAR, DRSE_TECNOLOGIAS, RECURSOS_MATERIALES, CONTROL_ESCOLAR_CENTRAL, ADMIN.
         */
        get: operations["SupplyTicketsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/supply-tickets/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Aprueba el ticket, quizá con cantidades reducidas (cada una ≤ la pedida).
         * @description **Roles:** RECURSOS_MATERIALES, ADMIN.
         */
        post: operations["SupplyTicketsController_approve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/supply-tickets/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancela el ticket antes de cualquier envío (OPEN, UNDER_REVIEW o APPROVED), con el motivo.
         * @description **Roles:** DRSE_TECNOLOGIAS, RECURSOS_MATERIALES, ADMIN.
         */
        post: operations["SupplyTicketsController_cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/supply-tickets/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rechaza el ticket en revisión, con el motivo.
         * @description **Roles:** RECURSOS_MATERIALES, ADMIN.
         */
        post: operations["SupplyTicketsController_reject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/supply-tickets/{id}/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Recursos Materiales toma el ticket para revisión (OPEN → UNDER_REVIEW).
         * @description **Roles:** RECURSOS_MATERIALES, ADMIN.
         */
        post: operations["SupplyTicketsController_review"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/supply-tickets/{id}/shipments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Registra un envío (parcial o total) del ticket aprobado; el material queda reservado en el almacén central hasta que la DRSE confirma.
         * @description **Roles:** RECURSOS_MATERIALES, ADMIN.
         */
        post: operations["SupplyTicketsController_ship"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/supply-tickets/{id}/shipments/{shipmentId}/receipt": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * La DRSE confirma lo que llegó del envío (por artículo, con nota): su existencia crece en eso y se genera el acuse de recibido.
         * @description **Roles:** DRSE_TECNOLOGIAS, ADMIN.
         *
         *     Sin cuerpo, llegó todo lo enviado. Lo que no llegó es el faltante del envío: se da de baja en el almacén central (merma «extravío en tránsito») y vuelve a lo pendiente del ticket para enviarse de nuevo. Confirmar de nuevo el mismo envío con lo mismo devuelve el mismo resultado; con otras cantidades, 409.
         */
        post: operations["SupplyTicketsController_confirmReceipt"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/support-tickets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Tickets de soporte de su ámbito (escuela: los suyos; DRSE: los de su DRSE; roles centrales: todos), del más reciente al más antiguo.
         * @description **Roles:** ESCUELA, DRSE_PLANEACION, DRSE_CONTROL_ESCOLAR, DRSE_TECNOLOGIAS, RECURSOS_MATERIALES, CONTROL_ESCOLAR_CENTRAL, DGTI, ADMIN.
         */
        get: operations["SupportTicketsController_list"];
        put?: never;
        /**
         * Abre un ticket de soporte (EQUIPO, SISTEMA o DUDA): lo atiende Tecnologías de la DRSE (que puede derivarlo a DGTI); una duda de Control Escolar de la DRSE, Control Escolar central.
         * @description **Roles:** ESCUELA, DRSE_CONTROL_ESCOLAR, DRSE_PLANEACION.
         */
        post: operations["SupportTicketsController_open"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/support-tickets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Detalle del ticket: descripción, estado, tarea abierta, acciones que usted puede tomar ahora y línea de tiempo.
         * @description **Roles:** ESCUELA, DRSE_PLANEACION, DRSE_CONTROL_ESCOLAR, DRSE_TECNOLOGIAS, RECURSOS_MATERIALES, CONTROL_ESCOLAR_CENTRAL, DGTI, ADMIN.
         */
        get: operations["SupportTicketsController_detail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/support-tickets/{id}/decisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Decide el paso abierto del ticket (RESOLVE, DERIVE_TO_DGTI, CONFIRM, REOPEN; ver `acciones` del detalle): 409 si no procede ahora, 403 si su rol no atiende ese paso.
         * @description **Roles:** ESCUELA, DRSE_PLANEACION, DRSE_CONTROL_ESCOLAR, DRSE_TECNOLOGIAS, RECURSOS_MATERIALES, CONTROL_ESCOLAR_CENTRAL, DGTI, ADMIN.
         */
        post: operations["SupportTicketsController_decide"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/support/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A quién pedir ayuda: áreas, teléfonos institucionales y buzones de su DRSE y de las oficinas centrales (sin nombres de personas).
         * @description **Roles:** ESCUELA, DRSE_PLANEACION, DRSE_CONTROL_ESCOLAR, DRSE_TECNOLOGIAS, RECURSOS_MATERIALES, CONTROL_ESCOLAR_CENTRAL, DGTI, ADMIN.
         */
        get: operations["SupportContactsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/support/contacts/{drseCode}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Reemplaza los contactos de una DRSE (o de las oficinas centrales: CENTRAL), en el orden dado.
         * @description **Roles:** ADMIN.
         */
        put: operations["SupportContactsController_set"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/temporal-codec/decode": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Descifra payloads de Temporal para la interfaz de Temporal (solo administración).
         * @description **Roles:** ADMIN.
         */
        post: operations["TemporalCodecController_decode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/temporal-codec/encode": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cifra payloads de Temporal (para enviar señales o consultas desde la interfaz de Temporal).
         * @description **Roles:** ADMIN.
         */
        post: operations["TemporalCodecController_encode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Las cuentas: rol, ámbito, si está habilitada, sesiones abiertas y último uso.
         * @description **Roles:** ADMIN.
         */
        get: operations["UsersController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{id}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Deshabilita una cuenta: no puede iniciar sesión y sus sesiones abiertas terminan de inmediato.
         * @description **Roles:** ADMIN.
         */
        post: operations["UsersController_disable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{id}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Vuelve a habilitar una cuenta deshabilitada.
         * @description **Roles:** ADMIN.
         */
        post: operations["UsersController_enable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/V/{payload}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Verificar una credencial
         * @description **Roles:** público (sin sesión).
         *
         *     Acceso público, sin sesión. Comprueba la firma del código QR y el estado del folio; muestra solo escuela y ciclo. Las credenciales impresas llevan `/V/<dígitos>` (forma compacta); las anteriores, `/verificar/<KID.NUMERO.CCTT.CICLO.FIRMA>`. Ambas rutas aceptan ambas formas.
         */
        get: operations["VerificationController_verify[1]"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/verificar/{payload}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Verificar una credencial
         * @description **Roles:** público (sin sesión).
         *
         *     Acceso público, sin sesión. Comprueba la firma del código QR y el estado del folio; muestra solo escuela y ciclo. Las credenciales impresas llevan `/V/<dígitos>` (forma compacta); las anteriores, `/verificar/<KID.NUMERO.CCTT.CICLO.FIRMA>`. Ambas rutas aceptan ambas formas.
         */
        get: operations["VerificationController_verify[0]"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/verificar/claves": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Claves públicas de verificación
         * @description **Roles:** público (sin sesión).
         *
         *     Acceso público, sin sesión. Claves Ed25519 (vigente y anteriores, por kid) para verificar credenciales sin conexión.
         */
        get: operations["VerificationController_keys"];
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
        ActionDto: {
            /** @description Máximo de caracteres del comentario. */
            comentarioMaximo: number;
            /** @description Los números que lleva la decisión (en `datos`), y sólo ésos. */
            datos?: components["schemas"]["DecisionFieldDto"][];
            etiqueta: string;
            evento: string;
            requiereComentario: boolean;
        };
        ActorDto: {
            /** @example VALLES */
            drseCode?: string;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            role: "ESCUELA" | "DRSE_PLANEACION" | "DRSE_CONTROL_ESCOLAR" | "DRSE_TECNOLOGIAS" | "RECURSOS_MATERIALES" | "CONTROL_ESCOLAR_CENTRAL" | "DGTI" | "ADMIN";
            /** @example 12 */
            schoolId?: number;
        };
        AcuseDto: {
            cardCount?: number | null;
            /** @description Folios de credenciales (acuse de credenciales); nunca nombres. */
            cardFolios?: string[] | null;
            drseCode?: string | null;
            /** @example AC-2026-000001 */
            folio: string;
            fromName: string;
            id: number;
            /** @example 2026-09-01 */
            issuedOn: string;
            /** @enum {string} */
            kind: "MATERIAL_ESCUELA" | "ENVIO_DRSE" | "CREDENCIALES";
            lines: components["schemas"]["AcuseLineDto"][];
            requestId?: string | null;
            schoolId?: number | null;
            shipmentId?: number | null;
            /** @description Ya se cargó la copia firmada y sellada. */
            signed: boolean;
            ticketId?: number | null;
            toName: string;
        };
        AcuseLineDto: {
            description: string;
            item: string;
            /** @description Acuse de envío: el faltante (enviado − recibido). */
            missing?: number;
            missingText?: string;
            /** @description Acuse de envío: la nota de quien recibió. */
            note?: string | null;
            quantity: number;
            /** @example 16 ranuras (2 hojas) */
            quantityText: string;
            /** @description Acuse de envío: lo enviado (quantity es lo que llegó). */
            shipped?: number;
            shippedText?: string;
        };
        AcusePageDto: {
            items: components["schemas"]["AcuseDto"][];
            page: number;
            pageSize: number;
            total: number;
        };
        AdjustmentDto: {
            /** @example 2026-2027 */
            cycleCode?: string;
            /**
             * @description Positivo suma, negativo resta; nunca deja el disponible bajo cero.
             * @example -3
             */
            delta: number;
            /**
             * @description TESLIN (ranuras, 8 por hoja), MICA (piezas), TINTA (planillas) o HOLOGRAMA:<ciclo> (piezas).
             * @example MICA
             */
            item: string;
            /** @description Motivo del ajuste (obligatorio): conteo físico, merma detectada… */
            reason: string;
        };
        AdjustmentResultDto: {
            delta: number;
            holderId: number;
            lines: components["schemas"]["ItemLineViewDto"][];
            /** @description Clave de la operación en el libro de existencias. */
            operation: string;
        };
        ApplyInitialKitsDto: {
            /**
             * @description Ciclo de los kits; el vigente si se omite.
             * @example 2026-2027
             */
            ciclo?: string;
        };
        ApproveLineDto: {
            /**
             * @description TESLIN (ranuras, 8 por hoja), MICA (piezas), TINTA (planillas) o HOLOGRAMA:<ciclo> (piezas).
             * @example MICA
             */
            item: string;
            /** @description Cantidad aprobada (≤ la pedida; 0 = no se surte ese artículo). */
            quantity: number;
        };
        ApproveSupplyTicketDto: {
            /** @description Cantidades reducidas; los artículos omitidos se aprueban como se pidieron. */
            lines?: components["schemas"]["ApproveLineDto"][];
            note?: string;
        };
        BalanceDto: {
            /** @description onHand − reserved; nunca negativo. */
            available: number;
            /** @example 16 ranuras (2 hojas) */
            availableText: string;
            /** @example Micas */
            description: string;
            /** @example MICA */
            item: string;
            /** @description Existencia disponible por debajo del mínimo. */
            low: boolean;
            /** @description Umbral mínimo configurado. */
            minimum?: number | null;
            onHand: number;
            reserved: number;
            /** @description Cantidad sugerida para un ticket (objetivo − disponible, en paquetes completos). */
            suggestedOrder?: number | null;
            /** @description Existencia objetivo al reabastecer. */
            target?: number | null;
        };
        BalancesDto: {
            /** @description Algún artículo está por debajo de su mínimo. */
            anyLow: boolean;
            holder: components["schemas"]["HolderDto"];
            items: components["schemas"]["BalanceDto"][];
        };
        CardEventDto: {
            /** @description Usuario (id) que lo hizo. */
            actorId: string;
            actorRole: string;
            /** Format: date-time */
            at: string;
            /** @enum {string} */
            event: "CORRECCION" | "REVOCACION" | "REEMPLAZO" | "ANULACION" | "REPORTE";
            reason: string;
        };
        CardHistoryDto: {
            cycleCode: string;
            /** @description Lo que le pasó después de expedirse: corrección (R9), revocación y reemplazo (R5). */
            events: components["schemas"]["CardEventDto"][];
            /** @example 2627-0000123-9 */
            folio: string;
            /** Format: date-time */
            issuedAt: string;
            /**
             * @description TARJETA, o BLANCO: espacio de planilla anulado (R7).
             * @enum {string}
             */
            kind: "TARJETA" | "BLANCO";
            replacedByFolio?: string | null;
            runId: number;
            schoolId?: number | null;
            /** @enum {string} */
            status: "EXPEDIDA" | "ANULADA" | "REVOCADA" | "REEMPLAZADA";
            studentId?: number | null;
            studentName?: string | null;
            voidReason?: string | null;
        };
        CardReportDto: {
            /** @description Rol de quien registró el reporte. */
            actorRole: string;
            cct: string;
            /** @description Folio de la credencial reportada: la verificación pública la da por no válida desde el reporte. */
            folio: string;
            id: number;
            /** @enum {string} */
            kind: "PERDIDA" | "DANO" | "ROBO";
            /** @description Lo registró la DRSE en nombre de una escuela sin internet. */
            onBehalfOfSchool: boolean;
            /** Format: date-time */
            recordedAt: string;
            /**
             * @description Estado de la reposición pagada de esta credencial; null si aún no se paga.
             * @enum {string|null}
             */
            replacementStatus?: "PENDIENTE" | "EMITIDA" | null;
            /** @example 2026-10-02 */
            reportedOn: string;
            schoolId: number;
            studentId: number;
            studentName: string;
            turno: string;
        };
        CardReportPageDto: {
            items: components["schemas"]["CardReportDto"][];
            page: number;
            pageSize: number;
            total: number;
        };
        CentralStockDto: {
            available: number;
            item: string;
        };
        ChangedSchoolDto: {
            cct: string;
            changes: components["schemas"]["FieldChangeDto"][];
            line: number;
            schoolId: number;
            turno: string;
        };
        ChangePasswordDto: {
            /** Format: password */
            currentPassword: string;
            /**
             * Format: password
             * @description Al menos 12 caracteres; no una contraseña común ni que contenga el usuario.
             */
            newPassword: string;
        };
        ChartRefDto: {
            /** @enum {string} */
            procedure: "PROCEDURE_1" | "PROCEDURE_2" | "SUPPLY" | "REPLACEMENT" | "SUPPORT";
            state: string;
            version: number;
        };
        CodecBodyDto: {
            /** @description Payloads de Temporal en JSON (metadata y data en base64). */
            payloads: Record<string, never>[];
        };
        ComplaintDto: {
            createdAt: string;
            description: string;
            drseCode: string;
            /** @description Fecha límite para atenderla (COMPLAINT_DUE_DAYS días después de presentarla). */
            dueAt: string;
            filedByRole: string;
            id: number;
            /**
             * @description Resultado, una vez atendida.
             * @enum {string}
             */
            outcome?: "PROCEDE" | "NO_PROCEDE";
            /** @description Sigue abierta después de la fecha límite. */
            overdue: boolean;
            resolution?: string;
            resolvedAt?: string;
            schoolCct: string;
            schoolId: number;
            schoolName: string;
            /** @enum {string} */
            status: "ABIERTA" | "ATENDIDA";
            /** @description La familia declinó la credencial (y no se ha revertido). */
            studentDeclined?: boolean;
            /** @description Folio de la credencial vigente del alumno, cuando ya se expidió. */
            studentFolio?: string;
            studentId?: number;
            /** @description Nombre del alumno, si la queja es por un alumno. */
            studentName?: string;
        };
        ComplaintPageDto: {
            items: components["schemas"]["ComplaintDto"][];
            page: number;
            pageSize: number;
            total: number;
        };
        CorrectionDto: {
            /** @description Por qué se desmarca la credencial (p. ej. se imprimió por error, en una prueba). */
            reason: string;
        };
        CorrectionResultDto: {
            /** Format: date-time */
            correctedAt: string;
            /** @description Usuario que corrigió. */
            correctedById: string;
            /** @example 2627-0000123-9 */
            folio: string;
            reason: string;
            /** @enum {string} */
            status: "ANULADA";
        };
        CoverageMaterialDto: {
            /** @description Disponible (en mano − reservado) en los almacenes de la unidad. */
            available: number;
            /** @example MICA */
            item: string;
            missing: number;
            /** @description Lo que necesitan los alumnos pendientes. */
            needed: number;
        };
        CoverageMetricsDto: {
            /** @description Alumnos con credencial expedida vigente (de cualquier ciclo). */
            cardsInForce: number;
            /** @description Credenciales expedidas en el ciclo vigente. */
            cardsIssuedThisCycle: number;
            declined: number;
            /** @description Alumnos con el holograma del ciclo vigente. */
            hologramsDelivered: number;
            /** @description null: la escuela no imprime (la atiende su DRSE). */
            material: components["schemas"]["CoverageMaterialDto"][] | null;
            pending: components["schemas"]["CoveragePendingDto"];
            requests: components["schemas"]["CoverageRequestsDto"];
            schools: number;
            students: number;
            withPhoto: number;
        };
        CoveragePendingDto: {
            /** @description Sin holograma del ciclo. */
            holograms: number;
            /** @description Sin credencial vigente. */
            newCards: number;
            /** @description Alumnos que no declinaron y aún no tienen credencial vigente u holograma del ciclo. */
            students: number;
            /** @description Sin credencial vigente y sin foto (R8: no se puede producir). */
            withoutPhoto: number;
        };
        CoverageRequestsDto: {
            byStatus: components["schemas"]["CoverageStatusCountDto"][];
            /** @description Solicitudes abiertas. */
            open: number;
            /** @description Abiertas con una tarea vencida. */
            overdue: number;
        };
        CoverageStatusCountDto: {
            count: number;
            /** @description Estado público de la solicitud. */
            status: string;
        };
        CoverageSummaryDto: {
            centralWarehouse: components["schemas"]["CentralStockDto"][] | null;
            /** @description Cuándo se contaron alumnos, credenciales y hologramas (estado y DRSE: el último recálculo, a lo más unos minutos; una escuela: al momento). */
            countsAsOf: string;
            cycleCode: string;
            drses: components["schemas"]["DrseCoverageRowDto"][];
            generatedAt: string;
            /** @enum {string} */
            scope: "ESTADO" | "DRSE";
            totals: components["schemas"]["CoverageMetricsDto"];
        };
        CreateComplaintDto: {
            description: string;
            /** @description La escuela cuyo director se negó. */
            schoolId: number;
            /** @description El alumno para quien la familia pidió la credencial. */
            studentId?: number;
        };
        CreateCycleDto: {
            /** @example 2027-2028 */
            code: string;
            /** @example 2028-07-07 */
            endsOn: string;
            /**
             * @description Tarifa inicial de reposición en centavos (por omisión $28.00).
             * @example 2800
             */
            replacementTariffCents?: number;
            /** @example 2027-08-23 */
            startsOn: string;
        };
        CreateDrseDto: {
            /**
             * @description Clave: letras mayúsculas, dígitos y guiones bajos.
             * @example VALLES_TALA
             */
            code: string;
            /** @example Sub DRSE Tala */
            name: string;
            /**
             * @description La DRSE a la que pertenece (una Sub-DRSE); sin ella es una DRSE.
             * @example VALLES
             */
            parentCode?: string;
            /** @example Tala */
            seat: string;
        };
        CreatePrintRunDto: {
            /**
             * @description Por omisión, el ciclo vigente.
             * @example 2026-2027
             */
            cycleCode?: string;
            /** @description Solo roles centrales (obligatorio para ellos): por quién se imprime. */
            holder?: components["schemas"]["PrintHolderDto"];
            /**
             * @description Cada escuela empieza planilla nueva (una corrida de DRSE puede llevar varias escuelas).
             * @default false
             */
            newPlanillaPerSchool: boolean;
            /** @description Todos los alumnos pendientes de credencial en el ciclo de estas escuelas. */
            schoolIds?: number[];
            /** @description Alumnos a imprimir (ids). Con `schoolIds`, se suman. */
            studentIds?: number[];
        };
        CreateStudentDto: {
            /** @example HEGG560427MVZRRL04 */
            curp: string;
            /** @example María Guadalupe */
            nombres: string;
            /** @example Hernández */
            primerApellido: string;
            /** @description Primer ingreso (necesita credencial nueva) o continuo (sólo holograma). */
            primerIngreso: boolean;
            /** @description Escuela del alumno. Una ESCUELA sólo puede usar la suya (y puede omitirla). */
            schoolId?: number;
            /** @example García */
            segundoApellido?: string;
        };
        CurrentCardDto: {
            /** @description Ciclo en que se expidió. */
            cycleCode: string;
            folio: string;
        };
        CycleDto: {
            closedAt?: string;
            /** @example 2027-2028 */
            code: string;
            endsOn: string;
            /**
             * @description El artículo de holograma de este ciclo.
             * @example HOLOGRAMA:2027-2028
             */
            hologramItem: string;
            /** @description El ciclo vigente (uno solo). */
            isCurrent: boolean;
            openedAt?: string;
            startsOn: string;
            /** @description Tarifa de reposición vigente, en centavos (R5). */
            tariffCents: number;
        };
        CycleListDto: {
            items: components["schemas"]["CycleDto"][];
        };
        DecisionDto: {
            comentario?: string;
            /** @description Números que pide el evento (p. ej. cantidades ajustadas). */
            datos?: {
                [key: string]: number;
            };
            /**
             * @description Evento del paso abierto (ver `acciones` del detalle).
             * @example ACCEPT
             */
            evento: string;
        };
        DecisionFieldDto: {
            /** @description Nombre del dato en `datos` de la decisión. */
            campo: string;
            etiqueta: string;
            /** @description Valor máximo que conoce el flujo (alumnos que cumplen, material pedido), cuando lo conoce. */
            maximo?: number;
            /** @description Valor mínimo. */
            minimo?: number;
            /** @description Puede omitirse (cuenta como cero). */
            opcional?: boolean;
            /**
             * @description entero: número sin decimales; numero: cualquier número finito.
             * @enum {string}
             */
            tipo: "entero" | "numero";
        };
        DecisionResultDto: {
            /** @enum {string} */
            estado: "EN_REVISION_PLANEACION" | "DEVUELTA_A_ESCUELA" | "EN_VALIDACION" | "PREPARANDO_MATERIAL" | "ESPERANDO_MATERIAL" | "EN_PRODUCCION" | "LISTA_PARA_ENTREGA" | "ENTREGADA" | "RECHAZADA" | "RETIRADA" | "ESPERANDO_PAGO" | "EN_REVISION_CENTRAL" | "EN_SURTIDO" | "EN_RECEPCION" | "SURTIDA" | "CANCELADA" | "CON_INCIDENTE" | "ESPERANDO_EXISTENCIAS" | "EN_CANCELACION" | "ESPERANDO_ACUSE" | "RECIBIDO" | "EN_ATENCION_DRSE" | "EN_ATENCION_DGTI" | "EN_ATENCION_CENTRAL" | "RESUELTO" | "CERRADO";
            seq: number;
            state: string;
        };
        DiagramDto: {
            /** @description Diagrama Mermaid (stateDiagram-v2). */
            mermaid: string;
            /** @enum {string} */
            procedure: "PROCEDURE_1" | "PROCEDURE_2" | "SUPPLY" | "REPLACEMENT" | "SUPPORT";
            states: components["schemas"]["DiagramStateDto"][];
            version: number;
        };
        DiagramStateDto: {
            /** @description Quién actúa, como lo nombra el personal («Planeación de la DRSE»; «El sistema» en los pasos automáticos). */
            area: string;
            id: string;
            /** @enum {string} */
            kind: "task" | "auto" | "child" | "final";
            /** @description Plazo por omisión de la tarea, en español («3 días»). */
            plazo?: string;
            /** @description Paso del curso habitual (del primer paso al primer fin); los demás ocurren solo si hace falta. */
            principal: boolean;
            /**
             * @description Rol de la tarea (solo pasos humanos).
             * @enum {string}
             */
            rol?: "ESCUELA" | "DRSE_PLANEACION" | "DRSE_CONTROL_ESCOLAR" | "DRSE_TECNOLOGIAS" | "RECURSOS_MATERIALES" | "CONTROL_ESCOLAR_CENTRAL" | "DGTI" | "ADMIN";
            /** @enum {string} */
            status: "EN_REVISION_PLANEACION" | "DEVUELTA_A_ESCUELA" | "EN_VALIDACION" | "PREPARANDO_MATERIAL" | "ESPERANDO_MATERIAL" | "EN_PRODUCCION" | "LISTA_PARA_ENTREGA" | "ENTREGADA" | "RECHAZADA" | "RETIRADA" | "ESPERANDO_PAGO" | "EN_REVISION_CENTRAL" | "EN_SURTIDO" | "EN_RECEPCION" | "SURTIDA" | "CANCELADA" | "CON_INCIDENTE" | "ESPERANDO_EXISTENCIAS" | "EN_CANCELACION" | "ESPERANDO_ACUSE" | "RECIBIDO" | "EN_ATENCION_DRSE" | "EN_ATENCION_DGTI" | "EN_ATENCION_CENTRAL" | "RESUELTO" | "CERRADO";
            /** @description Título del paso en español (todos los pasos). */
            titulo: string;
        };
        DocumentRefDto: {
            /** @description Oficio: cuándo se subió el archivo vigente (ISO 8601). */
            fecha?: string;
            /** @description Acuse: ya tiene adjunta su copia firmada y sellada. */
            firmado?: boolean;
            id: string;
            /** @enum {string} */
            tipo: "OFICIO" | "ACUSE" | "PLANILLAS";
            url: string;
            /** @description Oficio: 1 el presentado; aumenta cada vez que la escuela, con la solicitud devuelta, lo reemplaza por otro archivo. */
            version?: number;
        };
        DrseCoverageDto: {
            /** @description Cuándo se contaron alumnos, credenciales y hologramas (estado y DRSE: el último recálculo, a lo más unos minutos; una escuela: al momento). */
            countsAsOf: string;
            cycleCode: string;
            drse: components["schemas"]["DrseRefDto"];
            generatedAt: string;
            schools: components["schemas"]["SchoolCoverageRowDto"][];
            totals: components["schemas"]["CoverageMetricsDto"];
        };
        DrseCoverageRowDto: {
            /** @description Alumnos con credencial expedida vigente (de cualquier ciclo). */
            cardsInForce: number;
            /** @description Credenciales expedidas en el ciclo vigente. */
            cardsIssuedThisCycle: number;
            code: string;
            declined: number;
            /** @description Alumnos con el holograma del ciclo vigente. */
            hologramsDelivered: number;
            /** @description null: la escuela no imprime (la atiende su DRSE). */
            material: components["schemas"]["CoverageMaterialDto"][] | null;
            name: string;
            parentCode: string | null;
            pending: components["schemas"]["CoveragePendingDto"];
            requests: components["schemas"]["CoverageRequestsDto"];
            schools: number;
            students: number;
            withPhoto: number;
        };
        DrseDto: {
            /** @example VALLES */
            code: string;
            name: string;
            /** @description Para una Sub-DRSE: la DRSE a la que pertenece. */
            parentCode?: string;
            /** @description Escuelas asignadas directamente. */
            schools: number;
            /** @description Sede. */
            seat: string;
            /** @description Sus Sub-DRSE. */
            subDrseCodes: string[];
        };
        DrseListDto: {
            items: components["schemas"]["DrseDto"][];
        };
        DrseRefDto: {
            code: string;
            name: string;
            parentCode: string | null;
        };
        EquipmentDto: {
            holderId: number;
            id: number;
            /** @enum {string} */
            kind: "PRINTER" | "LAMINATOR";
            model?: string | null;
            serialNumber: string;
            /** @enum {string} */
            status: "OPERATIVE" | "FAILED" | "RETIRED";
        };
        EquipmentPageDto: {
            items: components["schemas"]["EquipmentDto"][];
            page: number;
            pageSize: number;
            total: number;
        };
        ExcludedStudentDto: {
            /** @description El motivo, en español. */
            detail: string;
            /** @enum {string} */
            reason: "NO_ENCONTRADO" | "FUERA_DE_ALCANCE" | "RUTA_DE_IMPRESION" | "RECHAZADA" | "SIN_FOTOGRAFIA" | "YA_EXPEDIDA" | "HOLOGRAMA_ENTREGADO";
            studentId: number;
            /** @description Nombre del alumno (solo si está en su ámbito). */
            studentName?: string | null;
        };
        FailureReportDto: {
            description: string;
            equipmentId: number;
            /** @enum {string} */
            equipmentKind: "PRINTER" | "LAMINATOR";
            holderId: number;
            holderName: string;
            id: number;
            reportedAt: string;
            resolution?: string | null;
            /** @description DRSE cuya Oficina de Tecnologías la atiende (R10); null: almacén central (DGTI). */
            routedDrseCode?: string | null;
            serialNumber: string;
            /** @enum {string} */
            status: "OPEN" | "RESOLVED";
            /** @description El ticket de soporte (EQUIPO) que el reporte abrió (GET /support-tickets/{id}); null: equipo del almacén central. */
            ticketId?: number | null;
        };
        FailureReportPageDto: {
            items: components["schemas"]["FailureReportDto"][];
            page: number;
            pageSize: number;
            total: number;
        };
        FieldChangeDto: {
            /** @example matrícula */
            field: string;
            new: string | null;
            old: string | null;
        };
        FieldProblemDto: {
            /** @example curp */
            field: string;
            /** @description Línea del CSV o número de entrada del ZIP. */
            line?: number;
            /** @example El dígito verificador de la CURP no es válido. */
            message: string;
        };
        FiledRequestDto: {
            /** @enum {string} */
            estado: "EN_REVISION_PLANEACION" | "DEVUELTA_A_ESCUELA" | "EN_VALIDACION" | "PREPARANDO_MATERIAL" | "ESPERANDO_MATERIAL" | "EN_PRODUCCION" | "LISTA_PARA_ENTREGA" | "ENTREGADA" | "RECHAZADA" | "RETIRADA" | "ESPERANDO_PAGO" | "EN_REVISION_CENTRAL" | "EN_SURTIDO" | "EN_RECEPCION" | "SURTIDA" | "CANCELADA" | "CON_INCIDENTE" | "ESPERANDO_EXISTENCIAS" | "EN_CANCELACION" | "ESPERANDO_ACUSE" | "RECIBIDO" | "EN_ATENCION_DRSE" | "EN_ATENCION_DGTI" | "EN_ATENCION_CENTRAL" | "RESUELTO" | "CERRADO";
            id: number;
            /** @enum {string} */
            procedimiento: "PROCEDURE_1" | "PROCEDURE_2" | "REPLACEMENT";
            workflowId: string;
        };
        HolderDto: {
            /** @description DRSE del almacén (o de la escuela). */
            drseCode?: string | null;
            id: number;
            /** @enum {string} */
            kind: "CENTRAL" | "DRSE" | "ESCUELA";
            name: string;
            schoolId?: number | null;
        };
        HolderPageDto: {
            items: components["schemas"]["HolderDto"][];
            page: number;
            pageSize: number;
            total: number;
        };
        HologramConfirmationDto: {
            /** @description Alumnos de la escuela a quienes se les colocó el holograma del ciclo vigente. */
            alumnos: number[];
        };
        HologramConfirmationResultDto: {
            cycleCode: string;
            recorded: number;
        };
        HologramOnlyDto: {
            /**
             * @description Ciclo en que se expidió esa credencial.
             * @example 2025-2026
             */
            cardCycleCode: string;
            /**
             * @description Folio de la credencial vigente del alumno.
             * @example 2526-0000123-1
             */
            folio: string;
            studentId: number;
            /** @description Nombre del alumno (solo si está en su ámbito). */
            studentName?: string | null;
        };
        ImportedSchoolDto: {
            cct: string;
            line: number;
            name: string;
            /** @enum {string} */
            printRoute: "DRSE" | "ESCUELA";
            turno: string;
        };
        ImportReportDto: {
            created: number;
            /** @description Columnas del CSV que no se usan. */
            ignoredColumns: string[];
            /** @description Líneas de datos leídas. */
            lines: number;
            refused: components["schemas"]["RefusedLineDto"][];
            updated: number;
        };
        InboxCountsDto: {
            incidentes: number;
            /** @description Los tipos que pueden esperar a su rol, también en cero. */
            tipos: components["schemas"]["InboxKindCountDto"][];
            total: number;
            vencidas: number;
        };
        InboxDrseDto: {
            code: string;
            /** @description Nombre de la DRSE («Valles»). */
            nombre: string;
        };
        InboxEntriesPageDto: {
            items: components["schemas"]["InboxEntryDto"][];
            page: number;
            pageSize: number;
            total: number;
        };
        InboxEntryDto: {
            acuseId?: number | null;
            /** @description Identificador único en la bandeja (tipo y número). */
            clave: string;
            /**
             * Format: date-time
             * @description Desde cuándo espera.
             */
            desde: string;
            /** @description Motivo o contexto, en español. */
            detalle?: string | null;
            drse?: components["schemas"]["InboxDrseDto"] | null;
            /** @description Envío de un ticket. */
            envioId?: number | null;
            escalamiento: boolean;
            escuela?: components["schemas"]["SchoolRefDto"] | null;
            /** @enum {string|null} */
            estado?: "EN_REVISION_PLANEACION" | "DEVUELTA_A_ESCUELA" | "EN_VALIDACION" | "PREPARANDO_MATERIAL" | "ESPERANDO_MATERIAL" | "EN_PRODUCCION" | "LISTA_PARA_ENTREGA" | "ENTREGADA" | "RECHAZADA" | "RETIRADA" | "ESPERANDO_PAGO" | "EN_REVISION_CENTRAL" | "EN_SURTIDO" | "EN_RECEPCION" | "SURTIDA" | "CANCELADA" | "CON_INCIDENTE" | "ESPERANDO_EXISTENCIAS" | "EN_CANCELACION" | "ESPERANDO_ACUSE" | "RECIBIDO" | "EN_ATENCION_DRSE" | "EN_ATENCION_DGTI" | "EN_ATENCION_CENTRAL" | "RESUELTO" | "CERRADO" | null;
            /** @description Folio del ticket o del acuse. */
            folio?: string | null;
            /** @description Incidente de un paso automático: va primero. */
            incidente: boolean;
            /** @enum {string|null} */
            procedimiento?: "PROCEDURE_1" | "PROCEDURE_2" | "SUPPLY" | "REPLACEMENT" | "SUPPORT" | null;
            solicitudId?: number | null;
            /** @description Ticket de abastecimiento. */
            ticketId?: number | null;
            /**
             * @description TAREA (paso de un trámite), ABASTECIMIENTO (ticket por revisar o surtir), ENVIO (envío por recibir), ACUSE (acuse firmado por subir).
             * @enum {string}
             */
            tipo: "TAREA" | "ABASTECIMIENTO" | "ENVIO" | "ACUSE";
            /** @description Qué hacer, en español. */
            titulo: string;
            /** Format: date-time */
            vence?: string | null;
            vencida: boolean;
        };
        InboxItemDto: {
            /** @description Qué falló, en español. */
            descripcion?: string | null;
            drseCode: string;
            escalamiento: boolean;
            escuela?: components["schemas"]["SchoolRefDto"] | null;
            /** @enum {string} */
            estado: "EN_REVISION_PLANEACION" | "DEVUELTA_A_ESCUELA" | "EN_VALIDACION" | "PREPARANDO_MATERIAL" | "ESPERANDO_MATERIAL" | "EN_PRODUCCION" | "LISTA_PARA_ENTREGA" | "ENTREGADA" | "RECHAZADA" | "RETIRADA" | "ESPERANDO_PAGO" | "EN_REVISION_CENTRAL" | "EN_SURTIDO" | "EN_RECEPCION" | "SURTIDA" | "CANCELADA" | "CON_INCIDENTE" | "ESPERANDO_EXISTENCIAS" | "EN_CANCELACION" | "ESPERANDO_ACUSE" | "RECIBIDO" | "EN_ATENCION_DRSE" | "EN_ATENCION_DGTI" | "EN_ATENCION_CENTRAL" | "RESUELTO" | "CERRADO";
            /** @description La tarea atiende un incidente; los incidentes van primero. */
            incidente: boolean;
            /** @enum {string} */
            procedimiento: "PROCEDURE_1" | "PROCEDURE_2" | "SUPPLY" | "REPLACEMENT" | "SUPPORT";
            requestId: number;
            /** @enum {string} */
            rol: "ESCUELA" | "DRSE_PLANEACION" | "DRSE_CONTROL_ESCOLAR" | "DRSE_TECNOLOGIAS" | "RECURSOS_MATERIALES" | "CONTROL_ESCOLAR_CENTRAL" | "DGTI" | "ADMIN";
            taskId: number;
            titulo: string;
            /** Format: date-time */
            vence?: string | null;
            vencida: boolean;
        };
        InboxKindCountDto: {
            cantidad: number;
            /** @description Nombre del tipo en español. */
            etiqueta: string;
            /** @enum {string} */
            tipo: "TAREA" | "ABASTECIMIENTO" | "ENVIO" | "ACUSE";
            vencidas: number;
        };
        InboxPageDto: {
            items: components["schemas"]["InboxItemDto"][];
            /** @description Cursor de la página siguiente (parámetro `cursor`); null en la última. */
            nextCursor: string | null;
            page: number;
            pageSize: number;
            /** @description Cuántos hay, contados hasta 1000 (ver `totalCapped`). */
            total: number;
            /** @description true: hay más de `total` (el conteo se detiene en 1000). */
            totalCapped: boolean;
        };
        ItemLineDto: {
            /**
             * @description TESLIN (ranuras, 8 por hoja), MICA (piezas), TINTA (planillas) o HOLOGRAMA:<ciclo> (piezas).
             * @example MICA
             */
            item: string;
            /**
             * @description En la unidad de existencia del artículo.
             * @example 80
             */
            quantity: number;
        };
        ItemLineViewDto: {
            /** @example MICA */
            item: string;
            quantity: number;
        };
        JustificationItemDto: {
            /** @description Neto de ajustes (con signo). */
            adjusted: number;
            available: number;
            consumed: number;
            description: string;
            item: string;
            onHand: number;
            onHandText: string;
            /** @description Entradas y traspasos recibidos en el ciclo. */
            received: number;
            reserved: number;
            transferredOut: number;
            wasted: number;
            wastedByReason: components["schemas"]["WastedByReasonDto"];
        };
        JustificationPrintRunDto: {
            items: components["schemas"]["JustificationUsageDto"][];
            printRunId: string;
            requestIds: string[];
        };
        JustificationReportDto: {
            cycleCode: string;
            holderId: number;
            holderName: string;
            items: components["schemas"]["JustificationItemDto"][];
            /** @description Consumo y merma registrados fuera de tirajes. */
            outsidePrintRuns: components["schemas"]["JustificationUsageDto"][];
            printRuns: components["schemas"]["JustificationPrintRunDto"][];
        };
        JustificationUsageDto: {
            consumed: number;
            item: string;
            wasted: number;
        };
        KitApplyResultDto: {
            /** @example 2026-2027 */
            cycleCode: string;
            /** @description Margen sobre la matrícula, en por ciento. */
            marginPercent: number;
            recipients: components["schemas"]["KitRecipientDto"][];
            /** @description Recepciones registradas por esta llamada (0 si ya se había aplicado). */
            recorded: number;
            totals: components["schemas"]["KitTotalsDto"];
        };
        KitPlanDto: {
            /** @example 2026-2027 */
            cycleCode: string;
            /** @description Margen sobre la matrícula, en por ciento. */
            marginPercent: number;
            recipients: components["schemas"]["KitRecipientDto"][];
            totals: components["schemas"]["KitTotalsDto"];
        };
        KitRecipientDto: {
            /** @description Credenciales del kit: matrícula más el margen configurado. */
            cards: number;
            cct: string | null;
            /** @example VALLES */
            drseCode: string;
            /** @description En unidades de existencia (Teslin en ranuras, tinta en planillas). */
            lines: components["schemas"]["ItemLineViewDto"][];
            /** @description Matrícula que cubre el kit. */
            matricula: number;
            name: string;
            schoolId: number | null;
            /** @enum {string} */
            status: "POR_REGISTRAR" | "REGISTRADO";
            turno: string | null;
            /**
             * @description Escuela que imprime en sitio, o DRSE/Sub-DRSE por las escuelas que R1 le asigna.
             * @enum {string}
             */
            type: "ESCUELA" | "DRSE";
        };
        KitTotalsDto: {
            alreadyRecorded: number;
            /** @description Material de todos los kits del ciclo. */
            lines: components["schemas"]["ItemLineViewDto"][];
            /** @description Material de los kits aún por registrar. */
            pendingLines: components["schemas"]["ItemLineViewDto"][];
            recipients: number;
            toRecord: number;
        };
        LedgerEntryDto: {
            actorId: string;
            actorRole: string;
            counterpartHolderId?: number | null;
            createdAt: string;
            cycleCode?: string | null;
            id: number;
            item: string;
            /** @enum {string} */
            kind: "RECEIPT" | "TRANSFER_OUT" | "TRANSFER_IN" | "RESERVATION" | "RELEASE" | "CONSUMPTION" | "WASTE" | "ADJUSTMENT";
            onHandDelta: number;
            printRunId?: string | null;
            quantity: number;
            reason?: string | null;
            requestId?: string | null;
            reservationId?: number | null;
            reservedDelta: number;
            shipmentId?: number | null;
            ticketId?: number | null;
            /** @enum {string|null} */
            wasteReason?: "VOIDED_BLANK" | "MISPRINT" | "DAMAGED" | "OTHER" | "LOST_IN_TRANSIT" | null;
        };
        LedgerPageDto: {
            items: components["schemas"]["LedgerEntryDto"][];
            page: number;
            pageSize: number;
            total: number;
        };
        LoginDto: {
            /**
             * Format: password
             * @example demo-sej-2026
             */
            password: string;
            /** @example escuela-drse */
            username: string;
        };
        MaterialCorrectionDto: {
            material: components["schemas"]["MaterialDto"];
        };
        MaterialDto: {
            holograms: number;
            /** @description Juegos de cartuchos de tinta (cada juego imprime las planillas que indique la configuración; 50 por omisión). */
            inkSets?: number;
            micas: number;
            teslinSheets: number;
        };
        MeDto: {
            actor: components["schemas"]["ActorDto"];
            /** @example DRSE Valles */
            drseName?: string;
            school?: components["schemas"]["MeSchoolDto"];
            username: string;
        };
        MeSchoolDto: {
            cct: string;
            id: number;
            name: string;
            turno: string;
        };
        MovementDto: {
            holderId: number;
            lines: components["schemas"]["ItemLineViewDto"][];
            /** @description Clave de la operación en el libro de existencias. */
            operation: string;
        };
        OfficeContactsDto: {
            contactos: components["schemas"]["SupportContactDto"][];
            /** @description La DRSE; null para las oficinas centrales. */
            drseCode: string | null;
            /** @description Nombre de la DRSE, u «Oficinas centrales». */
            nombre: string;
        };
        OpenCycleResultDto: {
            /** @description El ciclo que se cerró. */
            closed?: string;
            cycle: components["schemas"]["CycleDto"];
            /** @description Alumnos con credencial expedida que pasan a «continúa» (sólo necesitan holograma). */
            nowContinuing: number;
        };
        OpenedSupportTicketDto: {
            /** @enum {string} */
            estado: "EN_REVISION_PLANEACION" | "DEVUELTA_A_ESCUELA" | "EN_VALIDACION" | "PREPARANDO_MATERIAL" | "ESPERANDO_MATERIAL" | "EN_PRODUCCION" | "LISTA_PARA_ENTREGA" | "ENTREGADA" | "RECHAZADA" | "RETIRADA" | "ESPERANDO_PAGO" | "EN_REVISION_CENTRAL" | "EN_SURTIDO" | "EN_RECEPCION" | "SURTIDA" | "CANCELADA" | "CON_INCIDENTE" | "ESPERANDO_EXISTENCIAS" | "EN_CANCELACION" | "ESPERANDO_ACUSE" | "RECIBIDO" | "EN_ATENCION_DRSE" | "EN_ATENCION_DGTI" | "EN_ATENCION_CENTRAL" | "RESUELTO" | "CERRADO";
            id: number;
        };
        OpenRequestDto: {
            createdAt: string;
            id: number;
            /**
             * @description La ruta con la que inició; la conserva.
             * @enum {string|null}
             */
            printRoute: "DRSE" | "ESCUELA" | null;
            /** @enum {string} */
            procedure: "PROCEDURE_1" | "PROCEDURE_2" | "SUPPLY" | "REPLACEMENT";
            publicStatus: string;
        };
        OpenSupplyTicketDto: {
            /**
             * @description Ciclo del ticket; por omisión el vigente. Los hologramas deben ser de este ciclo.
             * @example 2026-2027
             */
            cycleCode?: string;
            /**
             * @description DRSE que pide; Tecnologías la omite (es la suya); el administrador la indica.
             * @example VALLES
             */
            drseCode?: string;
            /** @description Por qué se pide; el reporte de consumo (R6) se adjunta solo. */
            justification: string;
            /** @description Paquetes completos: Teslin en hojas (múltiplos de 8 ranuras), tinta en juegos. */
            lines: components["schemas"]["ItemLineDto"][];
        };
        OpenSupportTicketDto: {
            /** @description Qué pasa (sin datos personales de alumnos). */
            descripcion: string;
            /** @description Personal de la DRSE: la escuela sin internet en cuyo nombre abre el ticket. Sin ella, Control Escolar de la DRSE lo abre para sí. */
            escuela?: number;
            /**
             * @description EQUIPO: falla de un equipo; SISTEMA: problema con el sistema; DUDA: duda o comentario.
             * @enum {string}
             */
            tipo: "EQUIPO" | "SISTEMA" | "DUDA";
        };
        OpenTaskDto: {
            /** @description Qué falló, en español. */
            descripcion?: string | null;
            /** @enum {string|null} */
            escaladaA?: "ESCUELA" | "DRSE_PLANEACION" | "DRSE_CONTROL_ESCOLAR" | "DRSE_TECNOLOGIAS" | "RECURSOS_MATERIALES" | "CONTROL_ESCOLAR_CENTRAL" | "DGTI" | "ADMIN" | null;
            /** @description La tarea atiende un incidente (un paso automático que falló). */
            incidente: boolean;
            key: string;
            /** @enum {string} */
            rol: "ESCUELA" | "DRSE_PLANEACION" | "DRSE_CONTROL_ESCOLAR" | "DRSE_TECNOLOGIAS" | "RECURSOS_MATERIALES" | "CONTROL_ESCOLAR_CENTRAL" | "DGTI" | "ADMIN";
            titulo: string;
            vence?: Record<string, never> | null;
            vencida: boolean;
        };
        OptOutDto: {
            /** @description Motivo que dio la familia (opcional). */
            reason?: string;
        };
        OptOutReversalDto: {
            /** @description Por qué se revierte (p. ej., la familia ahora pide la credencial). */
            reason: string;
        };
        PhotoZipReportDto: {
            entries: number;
            refused: components["schemas"]["RefusedLineDto"][];
            updated: number;
        };
        PreviewPrintRunDto: {
            /**
             * @description Por omisión, el ciclo vigente.
             * @example 2026-2027
             */
            cycleCode?: string;
            /** @description Solo roles centrales (obligatorio para ellos): por quién se imprime. */
            holder?: components["schemas"]["PrintHolderDto"];
            /**
             * @description Cada escuela empieza planilla nueva (una corrida de DRSE puede llevar varias escuelas).
             * @default false
             */
            newPlanillaPerSchool: boolean;
            /** @description Todos los alumnos pendientes de credencial en el ciclo de estas escuelas. */
            schoolIds?: number[];
            /** @description Alumnos a imprimir (ids). Con `schoolIds`, se suman. */
            studentIds?: number[];
        };
        PrintedCardDto: {
            cct: string;
            /** @example 2627-0000123-7 */
            folio: string;
            /** @description Planilla (desde 1). */
            planilla: number;
            replacedByFolio?: string | null;
            schoolId: number;
            /** @description Lugar en la planilla (1 a 8). */
            slot: number;
            /** @enum {string} */
            status: "EXPEDIDA" | "ANULADA" | "REVOCADA" | "REEMPLAZADA";
            studentId: number;
            studentName: string;
            turno: string;
        };
        PrintHolderDto: {
            /**
             * @description Con type DRSE.
             * @example VALLES
             */
            drseCode?: string;
            /** @description Con type ESCUELA: una escuela que imprime en sitio (R1). */
            schoolId?: number;
            /** @enum {string} */
            type: "DRSE" | "ESCUELA";
        };
        PrintHolderViewDto: {
            drseCode?: string | null;
            /** @description Nombre de la DRSE, o de la escuela con su CCT y turno. */
            name: string;
            schoolId?: number | null;
            /** @enum {string} */
            type: "DRSE" | "ESCUELA";
        };
        PrintRunDto: {
            /** @description Credenciales expedidas (R9: marcadas al generar). */
            cards: number;
            /** @description El consumo de material ya se registró en el inventario. */
            consumptionRecorded: boolean;
            /** Format: date-time */
            createdAt: string;
            createdByRole: string;
            /** @example 2026-2027 */
            cycleCode: string;
            excluded: components["schemas"]["ExcludedStudentDto"][];
            excludedCount: number;
            firstFolio?: string | null;
            holder: components["schemas"]["PrintHolderViewDto"];
            /** @description En una corrida de escuela en sitio, su holograma del ciclo quedó registrado. */
            hologramOnly: components["schemas"]["HologramOnlyDto"][];
            /** @description Alumnos con credencial vigente que reciben sólo el holograma del ciclo (R3), sin credencial nueva. */
            hologramOnlyCount: number;
            id: number;
            issued: components["schemas"]["PrintedCardDto"][];
            lastFolio?: string | null;
            newPlanillaPerSchool: boolean;
            /** @description El PDF ya se generó (si no, se genera al descargarlo). */
            pdfReady: boolean;
            /** @description Planillas de 8. */
            planillas: number;
            /** @description La solicitud (Procedimiento 1 o reposición) cuyo trámite generó la corrida; null en una corrida hecha a mano. */
            requestId: number | null;
            /** @description Espacios en blanco cuyos folios se anularon antes de generar el archivo (R7). */
            voided: number;
            voidedFolios: components["schemas"]["VoidedFolioDto"][];
        };
        PrintRunPageDto: {
            items: components["schemas"]["PrintRunSummaryDto"][];
            page: number;
            pageSize: number;
            total: number;
        };
        PrintRunSummaryDto: {
            /** @description Credenciales expedidas (R9: marcadas al generar). */
            cards: number;
            /** @description El consumo de material ya se registró en el inventario. */
            consumptionRecorded: boolean;
            /** Format: date-time */
            createdAt: string;
            createdByRole: string;
            /** @example 2026-2027 */
            cycleCode: string;
            excludedCount: number;
            firstFolio?: string | null;
            holder: components["schemas"]["PrintHolderViewDto"];
            /** @description Alumnos con credencial vigente que reciben sólo el holograma del ciclo (R3), sin credencial nueva. */
            hologramOnlyCount: number;
            id: number;
            lastFolio?: string | null;
            newPlanillaPerSchool: boolean;
            /** @description El PDF ya se generó (si no, se genera al descargarlo). */
            pdfReady: boolean;
            /** @description Planillas de 8. */
            planillas: number;
            /** @description La solicitud (Procedimiento 1 o reposición) cuyo trámite generó la corrida; null en una corrida hecha a mano. */
            requestId: number | null;
            /** @description Espacios en blanco cuyos folios se anularon antes de generar el archivo (R7). */
            voided: number;
        };
        ProblemDto: {
            /** @example DATOS_NO_VALIDOS */
            code: string;
            /** @example La solicitud tiene datos no válidos. */
            detail: string;
            errors?: components["schemas"]["FieldProblemDto"][];
            /** @example /students */
            instance?: string;
            /**
             * @description Id de la solicitud (encabezado X-Request-Id).
             * @example 3f0c2a9e-5b7d-4c1e-9a8f-2d6b1e0c4a7f
             */
            requestId?: string;
            /** @example 422 */
            status: number;
            /** @example Datos no válidos */
            title: string;
            /** @example urn:credencializacion-sej:problema:datos-no-validos */
            type: string;
        };
        PublishedKeyDto: {
            /** @enum {string} */
            algorithm: "Ed25519";
            /** @description La clave con la que se firman las credenciales nuevas. */
            current: boolean;
            /** @example K1 */
            keyId: string;
            /** @description SubjectPublicKeyInfo, PEM. */
            publicKeyPem: string;
            /** @description Los 32 bytes de la clave, base64url. */
            publicKeyRaw: string;
            /** @description Clave revocada (comprometida): lo firmado con ella no es confiable y necesita reposición. */
            revoked: boolean;
        };
        ReasonDto: {
            reason: string;
        };
        ReceiptDto: {
            /**
             * @description Ciclo al que se imputa; por omisión el vigente.
             * @example 2026-2027
             */
            cycleCode?: string;
            /** @description Paquetes completos: Teslin en hojas (múltiplos de 8 ranuras), tinta en juegos. */
            lines: components["schemas"]["ItemLineDto"][];
            /** @description Proveedor, remisión, factura… */
            reason?: string;
        };
        ReceiptResultDto: {
            /** @example AC-2026-000001 */
            acuseFolio: string;
            /** @description Acuse de recibido del envío. */
            acuseId: number;
            cycleCode: string;
            decisionNote?: string | null;
            drseCode?: string | null;
            /** @description Ya no cambiará (cerrado, rechazado o cancelado). */
            finished: boolean;
            /** @example AB-2026-000001 */
            folio: string;
            holderId: number;
            id: number;
            justification: string;
            lines: components["schemas"]["TicketLineDto"][];
            /**
             * @description PROCEDIMIENTO: abierto por un trámite que espera el material.
             * @enum {string}
             */
            origin: "DRSE" | "PROCEDIMIENTO";
            requestId?: string | null;
            shipments: components["schemas"]["ShipmentDto"][];
            /** @enum {string} */
            status: "OPEN" | "UNDER_REVIEW" | "APPROVED" | "REJECTED" | "IN_FULFILLMENT" | "FULFILLED" | "CLOSED" | "CANCELLED";
        };
        RecordReplacementDto: {
            /**
             * @description Importe en centavos; debe ser la tarifa de reposición del ciclo vigente (R5).
             * @example 2800
             */
            amountCents: number;
            /**
             * @description Fecha de pago (AAAA-MM-DD), no futura.
             * @example 2026-09-15
             */
            paidOn: string;
            /**
             * @description PERDIDA, DANO (daño) o ROBO.
             * @enum {string}
             */
            reason: "PERDIDA" | "DANO" | "ROBO";
            /**
             * @description Número del recibo original de la recaudadora; cada recibo sirve una sola vez.
             * @example R-2026-000123
             */
            receiptNumber: string;
            /** @description El alumno cuya credencial se repone (debe tener una expedida vigente). */
            studentId: number;
        };
        RefusedLineDto: {
            field: string;
            /** @description Línea del CSV o número de entrada del ZIP. */
            line: number;
            message: string;
        };
        RegisterEquipmentDto: {
            /** @description Almacén (DRSE, escuela que imprime en sitio o central) al que pertenece. */
            holderId: number;
            /**
             * @description PRINTER: impresora de inyección a color; LAMINATOR: enmicadora.
             * @enum {string}
             */
            kind: "PRINTER" | "LAMINATOR";
            model?: string;
            /** @example EPS-L8050-00042 */
            serialNumber: string;
        };
        ReplacementDto: {
            amountCents: number;
            cct: string;
            cycleCode: string;
            id: number;
            /** @description Folio de la credencial nueva, cuando ya se imprimió. */
            newFolio?: string | null;
            /** @example 2026-09-15 */
            paidOn: string;
            /** @description Quién imprimirá (o imprimió) la credencial nueva: la DRSE o la escuela (R1). */
            printedBy: components["schemas"]["ReplacementPrinterDto"];
            /** @enum {string} */
            reason: "PERDIDA" | "DANO" | "ROBO";
            receiptNumber: string;
            /** Format: date-time */
            recordedAt: string;
            /** @description Folio revocado (R5). */
            revokedFolio: string;
            schoolId: number;
            /** @enum {string} */
            status: "PENDIENTE" | "EMITIDA";
            studentId: number;
            studentName: string;
            turno: string;
        };
        ReplacementPageDto: {
            items: components["schemas"]["ReplacementDto"][];
            page: number;
            pageSize: number;
            total: number;
        };
        ReplacementPrinterDto: {
            drseCode?: string | null;
            schoolId?: number | null;
            /** @enum {string} */
            type: "DRSE" | "ESCUELA";
        };
        ReportCardDto: {
            /**
             * @description PERDIDA, ROBO o DANO (daño): los motivos de reposición (R5).
             * @enum {string}
             */
            kind: "PERDIDA" | "DANO" | "ROBO";
            /**
             * @description Fecha en que la familia reportó (AAAA-MM-DD), no futura.
             * @example 2026-10-02
             */
            reportedOn: string;
            /** @description El alumno cuya credencial vigente se reporta. */
            studentId: number;
        };
        ReportFailureDto: {
            description: string;
        };
        RequestDetailDto: {
            acciones: components["schemas"]["ActionDto"][];
            actualizada: string;
            alumnos?: components["schemas"]["StudentListsDto"];
            chart: components["schemas"]["ChartRefDto"];
            creada: string;
            documentos: components["schemas"]["DocumentRefDto"][];
            drseCode: string;
            escuela?: components["schemas"]["SchoolRefDto"] | null;
            /** @enum {string} */
            estado: "EN_REVISION_PLANEACION" | "DEVUELTA_A_ESCUELA" | "EN_VALIDACION" | "PREPARANDO_MATERIAL" | "ESPERANDO_MATERIAL" | "EN_PRODUCCION" | "LISTA_PARA_ENTREGA" | "ENTREGADA" | "RECHAZADA" | "RETIRADA" | "ESPERANDO_PAGO" | "EN_REVISION_CENTRAL" | "EN_SURTIDO" | "EN_RECEPCION" | "SURTIDA" | "CANCELADA" | "CON_INCIDENTE" | "ESPERANDO_EXISTENCIAS" | "EN_CANCELACION" | "ESPERANDO_ACUSE" | "RECIBIDO" | "EN_ATENCION_DRSE" | "EN_ATENCION_DGTI" | "EN_ATENCION_CENTRAL" | "RESUELTO" | "CERRADO";
            /**
             * @description De dónde salen estado y acciones: FLUJO, lo que el flujo registró con su contexto en su último paso (o, para registros anteriores, su consulta a Temporal); REGISTRO, sólo el registro, sin el contexto del flujo (el motor no respondió).
             * @enum {string}
             */
            fuente: "FLUJO" | "REGISTRO";
            id: number;
            linea: components["schemas"]["TimelineEntryDto"][];
            material?: {
                [key: string]: unknown;
            };
            /** @enum {string} */
            procedimiento: "PROCEDURE_1" | "PROCEDURE_2" | "SUPPLY" | "REPLACEMENT" | "SUPPORT";
            /** @description Reposición: alumno, folio anterior y nuevo. */
            reposicion?: {
                [key: string]: unknown;
            };
            /** @enum {string|null} */
            ruta?: "DRSE" | "ESCUELA" | null;
            rutaMotivo?: Record<string, never> | null;
            tareaAbierta?: components["schemas"]["OpenTaskDto"] | null;
            verificacion?: components["schemas"]["VerificationDto"];
        };
        RequestPageDto: {
            items: components["schemas"]["RequestSummaryDto"][];
            /** @description Cursor de la página siguiente (parámetro `cursor`); null en la última. */
            nextCursor: string | null;
            page: number;
            pageSize: number;
            /** @description Cuántos hay, contados hasta 1000 (ver `totalCapped`). */
            total: number;
            /** @description true: hay más de `total` (el conteo se detiene en 1000). */
            totalCapped: boolean;
        };
        RequestSummaryDto: {
            actualizada: string;
            creada: string;
            drseCode: string;
            escuela?: components["schemas"]["SchoolRefDto"] | null;
            /** @enum {string} */
            estado: "EN_REVISION_PLANEACION" | "DEVUELTA_A_ESCUELA" | "EN_VALIDACION" | "PREPARANDO_MATERIAL" | "ESPERANDO_MATERIAL" | "EN_PRODUCCION" | "LISTA_PARA_ENTREGA" | "ENTREGADA" | "RECHAZADA" | "RETIRADA" | "ESPERANDO_PAGO" | "EN_REVISION_CENTRAL" | "EN_SURTIDO" | "EN_RECEPCION" | "SURTIDA" | "CANCELADA" | "CON_INCIDENTE" | "ESPERANDO_EXISTENCIAS" | "EN_CANCELACION" | "ESPERANDO_ACUSE" | "RECIBIDO" | "EN_ATENCION_DRSE" | "EN_ATENCION_DGTI" | "EN_ATENCION_CENTRAL" | "RESUELTO" | "CERRADO";
            id: number;
            /** @enum {string} */
            procedimiento: "PROCEDURE_1" | "PROCEDURE_2" | "SUPPLY" | "REPLACEMENT" | "SUPPORT";
            /** @enum {string|null} */
            ruta?: "DRSE" | "ESCUELA" | null;
        };
        ResolveComplaintDto: {
            /**
             * @description PROCEDE: el alumno vuelve a ser elegible (si la familia había declinado, se revierte) y su credencial sale en la siguiente corrida. NO_PROCEDE: nada cambia.
             * @enum {string}
             */
            outcome: "PROCEDE" | "NO_PROCEDE";
            resolution: string;
        };
        ResolveFailureDto: {
            resolution: string;
        };
        RouteChangeDto: {
            cct: string;
            line: number;
            /** @enum {string} */
            newRoute: "DRSE" | "ESCUELA";
            /** @enum {string} */
            oldRoute: "DRSE" | "ESCUELA";
            reason: string;
            schoolId: number;
            turno: string;
        };
        SchoolChangeDto: {
            /** @description Usuario que hizo el cambio. */
            actorId: string;
            actorRole: string;
            at: string;
            field: string;
            new: string | null;
            old: string | null;
            /** @enum {string} */
            source: "EDICION" | "IMPORTACION";
        };
        SchoolChangeListDto: {
            items: components["schemas"]["SchoolChangeDto"][];
        };
        SchoolCoverageDto: {
            /** @description Cuándo se contaron alumnos, credenciales y hologramas (estado y DRSE: el último recálculo, a lo más unos minutos; una escuela: al momento). */
            countsAsOf: string;
            cycleCode: string;
            generatedAt: string;
            school: components["schemas"]["SchoolCoverageRowDto"];
        };
        SchoolCoverageRowDto: {
            /** @description Alumnos con credencial expedida vigente (de cualquier ciclo). */
            cardsInForce: number;
            /** @description Credenciales expedidas en el ciclo vigente. */
            cardsIssuedThisCycle: number;
            cct: string;
            declined: number;
            drseCode: string;
            /** @description Alumnos con el holograma del ciclo vigente. */
            hologramsDelivered: number;
            id: number;
            /** @description null: la escuela no imprime (la atiende su DRSE). */
            material: components["schemas"]["CoverageMaterialDto"][] | null;
            name: string;
            nivel: string;
            pending: components["schemas"]["CoveragePendingDto"];
            /** @enum {string} */
            printRoute: "DRSE" | "ESCUELA";
            requests: components["schemas"]["CoverageRequestsDto"];
            schools: number;
            students: number;
            turno: string;
            withPhoto: number;
        };
        SchoolDto: {
            address: string;
            /** @example 14EPR0123X */
            cct: string;
            /** @example VALLES */
            drseCode: string;
            hasInternet: boolean;
            id: number;
            matricula: number;
            municipality?: string;
            name: string;
            /** @enum {string} */
            nivel: "PRIMARIA" | "SECUNDARIA";
            phone: string;
            /** @enum {string} */
            printRoute: "DRSE" | "ESCUELA";
            printRouteReason: string;
            /** @enum {string} */
            turno: "MATUTINO" | "VESPERTINO" | "NOCTURNO" | "DISCONTINUO" | "CONTINUO";
        };
        SchoolEditResultDto: {
            changes: components["schemas"]["FieldChangeDto"][];
            openRequests: components["schemas"]["OpenRequestDto"][];
            /** @description R1 dio otra ruta: las solicitudes nuevas la usarán; las abiertas conservan la suya. */
            routeChanged: boolean;
            school: components["schemas"]["SchoolDto"];
        };
        SchoolImportJsonDto: {
            /** @description A lo más 5000 escuelas por envío (para más, use el CSV). */
            escuelas: components["schemas"]["SchoolImportRowDto"][];
        };
        SchoolImportReportDto: {
            changed: components["schemas"]["ChangedSchoolDto"][];
            created: components["schemas"]["ImportedSchoolDto"][];
            /** @description true: simulación, no se escribió nada. */
            dryRun: boolean;
            ignoredColumns: string[];
            /** @description Renglones leídos. */
            lines: number;
            refused: components["schemas"]["RefusedLineDto"][];
            /** @description Escuelas existentes que cambian de ruta de impresión (R1). */
            routeChanges: components["schemas"]["RouteChangeDto"][];
            unchanged: number;
        };
        SchoolImportRowDto: {
            /** @example 14EPR0123X */
            cct: string;
            domicilio: string;
            /**
             * @description Clave de la DRSE o Sub-DRSE.
             * @example VALLES
             */
            drse: string;
            /** @description Acceso a internet para SCEJAL. */
            internet: boolean;
            /** @example 480 */
            matricula: number;
            municipio?: string;
            /** @example PRIMARIA */
            nivel: string;
            nombre: string;
            /**
             * @description Sólo escuelas oficiales; PARTICULAR se rechaza.
             * @example ESTATAL
             */
            sostenimiento?: string;
            telefono: string;
            /** @example MATUTINO */
            turno: string;
        };
        SchoolPageDto: {
            items: components["schemas"]["SchoolDto"][];
            page: number;
            pageSize: number;
            total: number;
        };
        SchoolRefDto: {
            cct: string;
            id: number;
            nombre: string;
            turno: string;
        };
        SchoolWorkEntryDto: {
            /** @description Qué se hizo, en palabras («Alta de alumno», «Oficio del Procedimiento 1»…). */
            act: string;
            /** @description Usuario que lo hizo (el real, también cuando la DRSE actúa en nombre de la escuela). */
            actorId: string;
            actorRole: string;
            /** @description Nombre de usuario de quien lo hizo. */
            actorUsername: string | null;
            at: string;
            detail: string | null;
            /** @description Lo hizo la DRSE en nombre de la escuela (sin internet). */
            onBehalf: boolean;
            studentId: number | null;
        };
        SchoolWorkLogDto: {
            items: components["schemas"]["SchoolWorkEntryDto"][];
        };
        SecurityEventDto: {
            /** @description Quién actuó sobre la cuenta, si fue otra persona (ADMIN). */
            actorUsername?: string;
            /** Format: date-time */
            at: string;
            detail?: string;
            id: number;
            /** @description Dirección IP del cliente. */
            ip?: string;
            /** @enum {string} */
            kind: "INICIO_DE_SESION" | "CUENTA_BLOQUEADA" | "CIERRE_GLOBAL" | "CUENTA_DESHABILITADA" | "CUENTA_HABILITADA" | "CAMBIO_DE_CONTRASENA" | "CUENTA_CREADA" | "CAMBIO_DE_ROL";
            /** @enum {string} */
            outcome: "EXITO" | "FALLO" | "BLOQUEADO";
            userAgent?: string;
            /** Format: uuid */
            userId?: string;
            /** @description La cuenta (también el usuario tecleado en un intento fallido). */
            username?: string;
        };
        SecurityEventPageDto: {
            items: components["schemas"]["SecurityEventDto"][];
            page: number;
            pageSize: number;
            total: number;
        };
        SetSupportContactsDto: {
            contactos: components["schemas"]["SupportContactDto"][];
        };
        SetTariffDto: {
            /** @example 3000 */
            cents: number;
            /** @example Actualización de la Ley de Ingresos. */
            reason: string;
        };
        SetThresholdsDto: {
            thresholds: components["schemas"]["ThresholdLineDto"][];
        };
        ShipDto: {
            /** @description Lo que sale en este envío (parcial o total), a lo más lo pendiente de cada artículo. */
            lines: components["schemas"]["ItemLineDto"][];
        };
        ShipmentDto: {
            acuseId?: number | null;
            id: number;
            lines: components["schemas"]["ShipmentLineDto"][];
            number: number;
            receivedAt?: string | null;
            shippedAt: string;
            /** @enum {string} */
            status: "IN_TRANSIT" | "RECEIVED";
        };
        ShipmentLineDto: {
            /** @example MICA */
            item: string;
            /** @description Enviado − recibido (null mientras está en tránsito). */
            missing?: number | null;
            note?: string | null;
            quantity: number;
            /** @description Lo que llegó (null mientras está en tránsito). */
            received?: number | null;
        };
        ShipmentReceiptDto: {
            /** @description Lo que llegó de cada artículo y una nota; los artículos omitidos (o sin cuerpo) llegaron completos. Lo que falta queda como faltante del envío y vuelve a lo pendiente de surtir. */
            lines?: components["schemas"]["ShipmentReceiptLineDto"][];
        };
        ShipmentReceiptLineDto: {
            /**
             * @description Un artículo del envío. TESLIN (ranuras, 8 por hoja), MICA (piezas), TINTA (planillas) o HOLOGRAMA:<ciclo> (piezas).
             * @example MICA
             */
            item: string;
            /** @example La caja de micas llegó abierta. */
            note?: string;
            /**
             * @description Lo que llegó, en la unidad de existencia (Teslin en ranuras, hojas completas): de 0 a lo enviado.
             * @example 32
             */
            quantity: number;
        };
        ShipmentResultDto: {
            cycleCode: string;
            decisionNote?: string | null;
            drseCode?: string | null;
            /** @description Ya no cambiará (cerrado, rechazado o cancelado). */
            finished: boolean;
            /** @example AB-2026-000001 */
            folio: string;
            holderId: number;
            id: number;
            justification: string;
            lines: components["schemas"]["TicketLineDto"][];
            /**
             * @description PROCEDIMIENTO: abierto por un trámite que espera el material.
             * @enum {string}
             */
            origin: "DRSE" | "PROCEDIMIENTO";
            requestId?: string | null;
            /** @description El envío recién registrado. */
            shipmentId: number;
            shipments: components["schemas"]["ShipmentDto"][];
            /** @enum {string} */
            status: "OPEN" | "UNDER_REVIEW" | "APPROVED" | "REJECTED" | "IN_FULFILLMENT" | "FULFILLED" | "CLOSED" | "CANCELLED";
        };
        StudentDto: {
            curp: string;
            /** @description Credencial vigente (folio, ciclo de expedición). */
            currentCard?: components["schemas"]["CurrentCardDto"];
            declined: boolean;
            declinedAt?: string;
            declinedReason?: string;
            hasPhoto: boolean;
            /** @description Recibió el holograma del ciclo vigente. */
            hologramThisCycle: boolean;
            id: number;
            nombres: string;
            primerApellido: string;
            primerIngreso: boolean;
            schoolId: number;
            segundoApellido?: string;
        };
        StudentListsDto: {
            /** @description Alumnos que continúan y ya tienen credencial: holograma del ciclo. */
            continuan: number[];
            /** @description Alumnos de primer ingreso: credencial nueva. */
            nuevos: number[];
        };
        StudentPageDto: {
            items: components["schemas"]["StudentDto"][];
            page: number;
            pageSize: number;
            total: number;
        };
        StudentVerdictDto: {
            aprobado?: Record<string, never> | null;
            elegible?: Record<string, never> | null;
            id: number;
            motivo?: Record<string, never> | null;
            /** @enum {string} */
            tipo: "NUEVO" | "CONTINUO";
        };
        SupplyTicketDetailDto: {
            cycleCode: string;
            decisionNote?: string | null;
            drseCode?: string | null;
            /** @description Ya no cambiará (cerrado, rechazado o cancelado). */
            finished: boolean;
            /** @example AB-2026-000001 */
            folio: string;
            holderId: number;
            id: number;
            justification: string;
            /** @description Reporte de consumo (R6) adjuntado al abrir el ticket. */
            justificationReport: components["schemas"]["JustificationReportDto"];
            lines: components["schemas"]["TicketLineDto"][];
            /**
             * @description PROCEDIMIENTO: abierto por un trámite que espera el material.
             * @enum {string}
             */
            origin: "DRSE" | "PROCEDIMIENTO";
            requestId?: string | null;
            shipments: components["schemas"]["ShipmentDto"][];
            /** @enum {string} */
            status: "OPEN" | "UNDER_REVIEW" | "APPROVED" | "REJECTED" | "IN_FULFILLMENT" | "FULFILLED" | "CLOSED" | "CANCELLED";
        };
        SupplyTicketDto: {
            cycleCode: string;
            decisionNote?: string | null;
            drseCode?: string | null;
            /** @description Ya no cambiará (cerrado, rechazado o cancelado). */
            finished: boolean;
            /** @example AB-2026-000001 */
            folio: string;
            holderId: number;
            id: number;
            justification: string;
            lines: components["schemas"]["TicketLineDto"][];
            /**
             * @description PROCEDIMIENTO: abierto por un trámite que espera el material.
             * @enum {string}
             */
            origin: "DRSE" | "PROCEDIMIENTO";
            requestId?: string | null;
            shipments: components["schemas"]["ShipmentDto"][];
            /** @enum {string} */
            status: "OPEN" | "UNDER_REVIEW" | "APPROVED" | "REJECTED" | "IN_FULFILLMENT" | "FULFILLED" | "CLOSED" | "CANCELLED";
        };
        SupplyTicketPageDto: {
            items: components["schemas"]["SupplyTicketDto"][];
            page: number;
            pageSize: number;
            total: number;
        };
        SupportContactDto: {
            /** @description Área (p. ej. «Tecnologías de la DRSE», «Control Escolar»). */
            area: string;
            /**
             * @description Buzón institucional del área (dominio .gob.mx).
             * @example tecnologias.drse.valles@jalisco.gob.mx
             */
            correo: string;
            /**
             * @description Extensión (hasta 6 dígitos).
             * @example 55123
             */
            extension?: string;
            /**
             * @description Teléfono institucional (10 dígitos; se admiten espacios y guiones).
             * @example 33 3030 7500
             */
            telefono: string;
        };
        SupportContactsDto: {
            items: components["schemas"]["OfficeContactsDto"][];
        };
        SupportTicketDetailDto: {
            /** Format: date-time */
            abierto: string;
            abiertoPor: components["schemas"]["TicketOpenerDto"];
            /** @description Decisiones que usted puede tomar ahora (POST /support-tickets/{id}/decisions). */
            acciones: components["schemas"]["ActionDto"][];
            /** Format: date-time */
            actualizado: string;
            descripcion: string;
            drseCode: string;
            /** @description La escuela del ticket; null: de la propia DRSE. */
            escuela?: components["schemas"]["SchoolRefDto"] | null;
            /** @enum {string} */
            estado: "EN_REVISION_PLANEACION" | "DEVUELTA_A_ESCUELA" | "EN_VALIDACION" | "PREPARANDO_MATERIAL" | "ESPERANDO_MATERIAL" | "EN_PRODUCCION" | "LISTA_PARA_ENTREGA" | "ENTREGADA" | "RECHAZADA" | "RETIRADA" | "ESPERANDO_PAGO" | "EN_REVISION_CENTRAL" | "EN_SURTIDO" | "EN_RECEPCION" | "SURTIDA" | "CANCELADA" | "CON_INCIDENTE" | "ESPERANDO_EXISTENCIAS" | "EN_CANCELACION" | "ESPERANDO_ACUSE" | "RECIBIDO" | "EN_ATENCION_DRSE" | "EN_ATENCION_DGTI" | "EN_ATENCION_CENTRAL" | "RESUELTO" | "CERRADO";
            id: number;
            linea: components["schemas"]["TimelineEntryDto"][];
            /** @description El reporte de falla de equipo que originó el ticket. */
            reporteFalla?: number | null;
            tareaAbierta?: components["schemas"]["OpenTaskDto"] | null;
            /** @enum {string} */
            tipo: "EQUIPO" | "SISTEMA" | "DUDA";
        };
        SupportTicketPageDto: {
            items: components["schemas"]["SupportTicketSummaryDto"][];
            page: number;
            pageSize: number;
            total: number;
        };
        SupportTicketSummaryDto: {
            /** Format: date-time */
            abierto: string;
            /** Format: date-time */
            actualizado: string;
            descripcion: string;
            drseCode: string;
            /** @description La escuela del ticket; null: de la propia DRSE. */
            escuela?: components["schemas"]["SchoolRefDto"] | null;
            /** @enum {string} */
            estado: "EN_REVISION_PLANEACION" | "DEVUELTA_A_ESCUELA" | "EN_VALIDACION" | "PREPARANDO_MATERIAL" | "ESPERANDO_MATERIAL" | "EN_PRODUCCION" | "LISTA_PARA_ENTREGA" | "ENTREGADA" | "RECHAZADA" | "RETIRADA" | "ESPERANDO_PAGO" | "EN_REVISION_CENTRAL" | "EN_SURTIDO" | "EN_RECEPCION" | "SURTIDA" | "CANCELADA" | "CON_INCIDENTE" | "ESPERANDO_EXISTENCIAS" | "EN_CANCELACION" | "ESPERANDO_ACUSE" | "RECIBIDO" | "EN_ATENCION_DRSE" | "EN_ATENCION_DGTI" | "EN_ATENCION_CENTRAL" | "RESUELTO" | "CERRADO";
            id: number;
            /** @description El reporte de falla de equipo que originó el ticket. */
            reporteFalla?: number | null;
            /** @enum {string} */
            tipo: "EQUIPO" | "SISTEMA" | "DUDA";
        };
        TariffDto: {
            cents: number;
            /** @description Desde cuándo rige (null: desde el inicio del ciclo). */
            effectiveAt: string | null;
            reason?: string;
            setBy: string;
        };
        TariffHistoryDto: {
            /** @description Tarifa vigente en centavos. */
            currentCents: number;
            cycleCode: string;
            /** @description Historial, la más reciente primero. */
            history: components["schemas"]["TariffDto"][];
        };
        ThresholdLineDto: {
            /**
             * @description TESLIN (ranuras, 8 por hoja), MICA (piezas), TINTA (planillas) o HOLOGRAMA:<ciclo> (piezas).
             * @example MICA
             */
            item: string;
            /** @description Por debajo de este disponible el artículo se marca bajo. */
            minimum: number;
            /** @description Existencia a la que se sugiere reabastecer (mayor que el mínimo). */
            target: number;
        };
        TicketLineDto: {
            approved?: number | null;
            /** @description Aprobado − (enviado − faltante): pendiente por surtir. */
            backorder: number;
            description: string;
            item: string;
            /** @description Enviado que no llegó (faltante reportado al recibir); vuelve a lo pendiente. */
            missing: number;
            received: number;
            requested: number;
            shipped: number;
        };
        TicketOpenerDto: {
            /** @description Lo abrió la DRSE en nombre de una escuela sin internet. */
            enNombreDeEscuela: boolean;
            /** @description Nombre de usuario de quien lo abrió. */
            nombre?: string | null;
            rol: string;
        };
        TimelineActorDto: {
            id: string;
            /** @description Nombre de usuario de quien decidió; null en pasos automáticos o si la cuenta ya no existe. */
            nombre?: string | null;
            rol: string;
        };
        TimelineEntryDto: {
            a: string;
            actor: components["schemas"]["TimelineActorDto"];
            comentario?: Record<string, never> | null;
            de?: Record<string, never> | null;
            /** @enum {string} */
            estado: "EN_REVISION_PLANEACION" | "DEVUELTA_A_ESCUELA" | "EN_VALIDACION" | "PREPARANDO_MATERIAL" | "ESPERANDO_MATERIAL" | "EN_PRODUCCION" | "LISTA_PARA_ENTREGA" | "ENTREGADA" | "RECHAZADA" | "RETIRADA" | "ESPERANDO_PAGO" | "EN_REVISION_CENTRAL" | "EN_SURTIDO" | "EN_RECEPCION" | "SURTIDA" | "CANCELADA" | "CON_INCIDENTE" | "ESPERANDO_EXISTENCIAS" | "EN_CANCELACION" | "ESPERANDO_ACUSE" | "RECIBIDO" | "EN_ATENCION_DRSE" | "EN_ATENCION_DGTI" | "EN_ATENCION_CENTRAL" | "RESUELTO" | "CERRADO";
            evento: string;
            fecha: string;
            seq: number;
        };
        TokensDto: {
            /** @description JWT de acceso; envíelo como «Authorization: Bearer …». */
            accessToken: string;
            actor: components["schemas"]["ActorDto"];
            /**
             * @description Vigencia del token de acceso, en segundos.
             * @example 900
             */
            expiresIn: number;
            /** @description Vigencia del token de renovación (cookie «sej_refresh», HttpOnly), en segundos. */
            refreshExpiresIn: number;
            /** @example Bearer */
            tokenType: string;
        };
        UpdateDrseDto: {
            name?: string;
            seat?: string;
        };
        UpdateSchoolDto: {
            address?: string;
            /**
             * @description Clave de la DRSE o Sub-DRSE.
             * @example VALLES
             */
            drseCode?: string;
            /** @description Acceso a internet para SCEJAL. */
            hasInternet?: boolean;
            /** @example 480 */
            matricula?: number;
            phone?: string;
        };
        UserDto: {
            /** @description false: la cuenta está deshabilitada y no puede iniciar sesión. */
            active: boolean;
            /** Format: date-time */
            createdAt: string;
            /** @example VALLES */
            drseCode?: string;
            /** Format: uuid */
            id: string;
            /**
             * Format: date-time
             * @description Último uso de alguna de sus sesiones.
             */
            lastSeenAt?: string;
            /** @description Sesiones abiertas ahora. */
            openSessions: number;
            /** @enum {string} */
            role: "ESCUELA" | "DRSE_PLANEACION" | "DRSE_CONTROL_ESCOLAR" | "DRSE_TECNOLOGIAS" | "RECURSOS_MATERIALES" | "CONTROL_ESCOLAR_CENTRAL" | "DGTI" | "ADMIN";
            school?: components["schemas"]["UserSchoolDto"];
            username: string;
        };
        UserPageDto: {
            items: components["schemas"]["UserDto"][];
            page: number;
            pageSize: number;
            total: number;
        };
        UserSchoolDto: {
            cct: string;
            id: number;
            name: string;
            turno: string;
        };
        VerificationDto: {
            alumnos: components["schemas"]["StudentVerdictDto"][];
            continuanElegibles: number;
            matricula: number;
            nuevosElegibles: number;
        };
        VerificationResultDto: {
            /**
             * @description Ciclo de expedición.
             * @example 2026-2027
             */
            cycleCode?: string;
            /** @example 2627-0000123-9 */
            folio?: string;
            /** @description El resultado, en español. */
            message: string;
            /**
             * @description Fecha en que la credencial se reportó extraviada, robada o dañada, si se reportó.
             * @example 2026-10-02
             */
            reportedOn?: string;
            school?: components["schemas"]["VerifiedSchoolDto"];
            /** @description La firma Ed25519 del código es auténtica (comprobable sin conexión con las claves públicas). */
            signatureValid: boolean;
            /**
             * @description Estado del folio; ausente si la firma no es válida. NECESITA_REPOSICION: firmada con una clave revocada.
             * @enum {string}
             */
            status?: "VIGENTE" | "REPORTADA" | "REVOCADA" | "REEMPLAZADA" | "ANULADA" | "DESCONOCIDA" | "NECESITA_REPOSICION";
        };
        VerifiedSchoolDto: {
            /** @example 14EPR0123X */
            cct: string;
            name: string;
            /** @example MATUTINO */
            turno: string;
        };
        VoidedFolioDto: {
            /** @example 2627-0000130-4 */
            folio: string;
            planilla: number;
            reason: string;
            slot: number;
        };
        WastedByReasonDto: {
            DAMAGED: number;
            /** @description Faltante de envíos de abastecimiento, dado de baja en el almacén que envió. */
            LOST_IN_TRANSIT: number;
            MISPRINT: number;
            OTHER: number;
            VOIDED_BLANK: number;
        };
        WithdrawDto: {
            comentario?: string;
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
    AcusesController_list: {
        parameters: {
            query?: {
                kind?: "MATERIAL_ESCUELA" | "ENVIO_DRSE" | "CREDENCIALES";
                page?: number;
                pageSize?: number;
                /** @description Acuses de los envíos de ese ticket de abastecimiento. */
                ticketId?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AcusePageDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Datos no válidos: `errors` nombra cada campo con su motivo. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    AcusesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AcuseDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No existe, o está fuera de su ámbito (escuela o DRSE). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Datos no válidos: `errors` nombra cada campo con su motivo. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    AcusesController_pdf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description El PDF. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No existe, o está fuera de su ámbito (escuela o DRSE). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Datos no válidos: `errors` nombra cada campo con su motivo. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    AcusesController_signedScan: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description El archivo. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                    "image/jpeg": string;
                    "image/png": string;
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No existe, o está fuera de su ámbito (escuela o DRSE). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Datos no válidos: `errors` nombra cada campo con su motivo. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    AcusesController_attachSignedScan: {
        parameters: {
            query?: never;
            header: {
                "idempotency-key": string;
                /** @description Clave única del cliente (1–200 caracteres). Un reintento con la misma clave devuelve la primera respuesta. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description Acuse firmado y sellado escaneado: PDF, JPEG o PNG (se comprueba por su contenido); máximo 10 MB.
                     */
                    archivo: string;
                };
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AcuseDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No existe, o está fuera de su ámbito (escuela o DRSE). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description Choca con el estado actual (duplicado, o el evento no se permite ahora).
             *
             *     Choca con el estado actual (duplicado, o el evento no se permite ahora).
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description El archivo excede el tamaño máximo. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Error. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description Datos no válidos: `errors` nombra cada campo con su motivo.
             *
             *     Datos no válidos: `errors` nombra cada campo con su motivo.
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    AuthController_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokensDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Datos no válidos: `errors` nombra cada campo con su motivo. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Demasiados intentos. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    AuthController_logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Sesión cerrada. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    AuthController_logoutAll: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Sesiones cerradas. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    AuthController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    AuthController_changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordDto"];
            };
        };
        responses: {
            /** @description Contraseña cambiada. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Datos no válidos: `errors` nombra cada campo con su motivo. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    AuthController_refresh: {
        parameters: {
            query?: never;
            header: {
                /** @description Cualquier valor (protección CSRF: la autoridad viene de la cookie). */
                "X-Requested-With": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokensDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CardsController_correct: {
        parameters: {
            query?: never;
            header?: {
                /** @description Clave única del cliente (1–200 caracteres). Un reintento con la misma clave devuelve la primera respuesta. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Folio impreso CCCC-NNNNNNN-D (guiones opcionales). */
                folio: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CorrectionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CorrectionResultDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No existe, o está fuera de su ámbito (escuela o DRSE). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Choca con el estado actual (duplicado, o el evento no se permite ahora). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description Datos no válidos: `errors` nombra cada campo con su motivo.
             *
             *     Datos no válidos: `errors` nombra cada campo con su motivo.
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CardsController_events: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Folio impreso CCCC-NNNNNNN-D (guiones opcionales). */
                folio: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CardHistoryDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No existe, o está fuera de su ámbito (escuela o DRSE). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Datos no válidos: `errors` nombra cada campo con su motivo. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ComplaintsController_list: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                schoolId?: number;
                status?: "ABIERTA" | "ATENDIDA";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ComplaintPageDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Datos no válidos: `errors` nombra cada campo con su motivo. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ComplaintsController_file: {
        parameters: {
            query?: never;
            header?: {
                /** @description Clave única del cliente (1–200 caracteres). Un reintento con la misma clave devuelve la primera respuesta. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateComplaintDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ComplaintDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No existe, o está fuera de su ámbito (escuela o DRSE). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Choca con el estado actual (duplicado, o el evento no se permite ahora). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description Datos no válidos: `errors` nombra cada campo con su motivo.
             *
             *     Datos no válidos: `errors` nombra cada campo con su motivo.
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ComplaintsController_resolve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResolveComplaintDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ComplaintDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No existe, o está fuera de su ámbito (escuela o DRSE). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Choca con el estado actual (duplicado, o el evento no se permite ahora). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Datos no válidos: `errors` nombra cada campo con su motivo. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CyclesController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CycleListDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CyclesController_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description Clave única del cliente (1–200 caracteres). Un reintento con la misma clave devuelve la primera respuesta. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCycleDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CycleDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description Choca con el estado actual (duplicado, o el evento no se permite ahora).
             *
             *     Choca con el estado actual (duplicado, o el evento no se permite ahora).
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description Datos no válidos: `errors` nombra cada campo con su motivo.
             *
             *     Datos no válidos: `errors` nombra cada campo con su motivo.
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CyclesController_open: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenCycleResultDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No existe, o está fuera de su ámbito (escuela o DRSE). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Choca con el estado actual (duplicado, o el evento no se permite ahora). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CyclesController_tariffs: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TariffHistoryDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No existe, o está fuera de su ámbito (escuela o DRSE). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CyclesController_setTariff: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetTariffDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TariffHistoryDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No existe, o está fuera de su ámbito (escuela o DRSE). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Datos no válidos: `errors` nombra cada campo con su motivo. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    DrsesController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DrseListDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    DrsesController_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description Clave única del cliente (1–200 caracteres). Un reintento con la misma clave devuelve la primera respuesta. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateDrseDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DrseDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No existe, o está fuera de su ámbito (escuela o DRSE). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description Choca con el estado actual (duplicado, o el evento no se permite ahora).
             *
             *     Choca con el estado actual (duplicado, o el evento no se permite ahora).
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description Datos no válidos: `errors` nombra cada campo con su motivo.
             *
             *     Datos no válidos: `errors` nombra cada campo con su motivo.
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    DrsesController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateDrseDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DrseDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No existe, o está fuera de su ámbito (escuela o DRSE). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Datos no válidos: `errors` nombra cada campo con su motivo. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    EquipmentController_list: {
        parameters: {
            query?: {
                /** @description Solo el equipo de ese almacén. */
                holderId?: number;
                kind?: "PRINTER" | "LAMINATOR";
                page?: number;
                pageSize?: number;
                status?: "OPERATIVE" | "FAILED" | "RETIRED";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EquipmentPageDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No existe, o está fuera de su ámbito (escuela o DRSE). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Datos no válidos: `errors` nombra cada campo con su motivo. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    EquipmentController_register: {
        parameters: {
            query?: never;
            header: {
                "idempotency-key": string;
                /** @description Clave única del cliente (1–200 caracteres). Un reintento con la misma clave devuelve la primera respuesta. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterEquipmentDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EquipmentDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No existe, o está fuera de su ámbito (escuela o DRSE). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description Choca con el estado actual (duplicado, o el evento no se permite ahora).
             *
             *     Choca con el estado actual (duplicado, o el evento no se permite ahora).
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description Datos no válidos: `errors` nombra cada campo con su motivo.
             *
             *     Datos no válidos: `errors` nombra cada campo con su motivo.
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    EquipmentController_reportFailure: {
        parameters: {
            query?: never;
            header: {
                "idempotency-key": string;
                /** @description Clave única del cliente (1–200 caracteres). Un reintento con la misma clave devuelve la primera respuesta. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReportFailureDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FailureReportDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No existe, o está fuera de su ámbito (escuela o DRSE). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description Choca con el estado actual (duplicado, o el evento no se permite ahora).
             *
             *     Choca con el estado actual (duplicado, o el evento no se permite ahora).
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description Datos no válidos: `errors` nombra cada campo con su motivo.
             *
             *     Datos no válidos: `errors` nombra cada campo con su motivo.
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    EquipmentController_failures: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                status?: "OPEN" | "RESOLVED";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FailureReportPageDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Datos no válidos: `errors` nombra cada campo con su motivo. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    EquipmentController_resolve: {
        parameters: {
            query?: never;
            header: {
                "idempotency-key": string;
                /** @description Clave única del cliente (1–200 caracteres). Un reintento con la misma clave devuelve la primera respuesta. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResolveFailureDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FailureReportDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No existe, o está fuera de su ámbito (escuela o DRSE). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description Choca con el estado actual (duplicado, o el evento no se permite ahora).
             *
             *     Choca con el estado actual (duplicado, o el evento no se permite ahora).
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description Datos no válidos: `errors` nombra cada campo con su motivo.
             *
             *     Datos no válidos: `errors` nombra cada campo con su motivo.
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    HealthController_check: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Todo disponible. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Algún componente no responde. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    InboxController_inbox: {
        parameters: {
            query?: {
                /** @description Paginación por cursor: la página que sigue a este cursor (el `nextCursor` de la página anterior, con los mismos filtros); `page` se ignora. */
                cursor?: string;
                estado?: "EN_REVISION_PLANEACION" | "DEVUELTA_A_ESCUELA" | "EN_VALIDACION" | "PREPARANDO_MATERIAL" | "ESPERANDO_MATERIAL" | "EN_PRODUCCION" | "LISTA_PARA_ENTREGA" | "ENTREGADA" | "RECHAZADA" | "RETIRADA" | "ESPERANDO_PAGO" | "EN_REVISION_CENTRAL" | "EN_SURTIDO" | "EN_RECEPCION" | "SURTIDA" | "CANCELADA" | "CON_INCIDENTE" | "ESPERANDO_EXISTENCIAS" | "EN_CANCELACION" | "ESPERANDO_ACUSE" | "RECIBIDO" | "EN_ATENCION_DRSE" | "EN_ATENCION_DGTI" | "EN_ATENCION_CENTRAL" | "RESUELTO" | "CERRADO";
                page?: number;
                pageSize?: number;
                procedimiento?: "PROCEDURE_1" | "PROCEDURE_2" | "SUPPLY" | "REPLACEMENT" | "SUPPORT";
                /** @description true: sólo vencidas; false: sólo en plazo. */
                vencidas?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboxPageDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Datos no válidos: `errors` nombra cada campo con su motivo. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    InboxEntriesController_counts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboxCountsDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    InboxEntriesController_items: {
        parameters: {
            query?: {
                /** @description Sólo pendientes de solicitudes en ese estado. */
                estado?: "EN_REVISION_PLANEACION" | "DEVUELTA_A_ESCUELA" | "EN_VALIDACION" | "PREPARANDO_MATERIAL" | "ESPERANDO_MATERIAL" | "EN_PRODUCCION" | "LISTA_PARA_ENTREGA" | "ENTREGADA" | "RECHAZADA" | "RETIRADA" | "ESPERANDO_PAGO" | "EN_REVISION_CENTRAL" | "EN_SURTIDO" | "EN_RECEPCION" | "SURTIDA" | "CANCELADA" | "CON_INCIDENTE" | "ESPERANDO_EXISTENCIAS" | "EN_CANCELACION" | "ESPERANDO_ACUSE" | "RECIBIDO" | "EN_ATENCION_DRSE" | "EN_ATENCION_DGTI" | "EN_ATENCION_CENTRAL" | "RESUELTO" | "CERRADO";
                page?: number;
                pageSize?: number;
                /** @description Sólo pendientes de solicitudes de ese procedimiento. */
                procedimiento?: "PROCEDURE_1" | "PROCEDURE_2" | "SUPPLY" | "REPLACEMENT" | "SUPPORT";
                /** @description Sólo un tipo de pendiente. */
                tipo?: "TAREA" | "ABASTECIMIENTO" | "ENVIO" | "ACUSE";
                /** @description true: sólo vencidas; false: sólo en plazo o sin plazo. */
                vencidas?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboxEntriesPageDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Datos no válidos: `errors` nombra cada campo con su motivo. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    HoldersController_list: {
        parameters: {
            query?: {
                /** @description Almacén de esa DRSE (se crea al primer uso si está en su ámbito). */
                drseCode?: string;
                kind?: "CENTRAL" | "DRSE" | "ESCUELA";
                page?: number;
                pageSize?: number;
                /** @description Almacén de esa escuela (solo si imprime en sitio; se crea al primer uso si está en su ámbito). */
                schoolId?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HolderPageDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Datos no válidos: `errors` nombra cada campo con su motivo. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    HoldersController_adjust: {
        parameters: {
            query?: never;
            header: {
                "idempotency-key": string;
                /** @description Clave única del cliente (1–200 caracteres). Un reintento con la misma clave devuelve la primera respuesta. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AdjustmentDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdjustmentResultDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No existe, o está fuera de su ámbito (escuela o DRSE). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description Choca con el estado actual (duplicado, o el evento no se permite ahora).
             *
             *     Choca con el estado actual (duplicado, o el evento no se permite ahora).
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description Datos no válidos: `errors` nombra cada campo con su motivo.
             *
             *     Datos no válidos: `errors` nombra cada campo con su motivo.
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    HoldersController_balances: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BalancesDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No existe, o está fuera de su ámbito (escuela o DRSE). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Datos no válidos: `errors` nombra cada campo con su motivo. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    HoldersController_justification: {
        parameters: {
            query?: {
                /** @description Ciclo escolar; por omisión el vigente. */
                ciclo?: string;
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JustificationReportDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No existe, o está fuera de su ámbito (escuela o DRSE). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Datos no válidos: `errors` nombra cada campo con su motivo. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    HoldersController_ledger: {
        parameters: {
            query?: {
                /** @description TESLIN (ranuras, 8 por hoja), MICA (piezas), TINTA (planillas) o HOLOGRAMA:<ciclo> (piezas). */
                item?: string;
                kind?: "RECEIPT" | "TRANSFER_OUT" | "TRANSFER_IN" | "RESERVATION" | "RELEASE" | "CONSUMPTION" | "WASTE" | "ADJUSTMENT";
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LedgerPageDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No existe, o está fuera de su ámbito (escuela o DRSE). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Datos no válidos: `errors` nombra cada campo con su motivo. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    HoldersController_receive: {
        parameters: {
            query?: never;
            header: {
                "idempotency-key": string;
                /** @description Clave única del cliente (1–200 caracteres). Un reintento con la misma clave devuelve la primera respuesta. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReceiptDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MovementDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No existe, o está fuera de su ámbito (escuela o DRSE). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Choca con el estado actual (duplicado, o el evento no se permite ahora). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description Datos no válidos: `errors` nombra cada campo con su motivo.
             *
             *     Datos no válidos: `errors` nombra cada campo con su motivo.
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    HoldersController_setThresholds: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetThresholdsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BalancesDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No existe, o está fuera de su ámbito (escuela o DRSE). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Datos no válidos: `errors` nombra cada campo con su motivo. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    InitialKitsController_preview: {
        parameters: {
            query?: {
                /** @description Ciclo de los kits; el vigente si se omite. */
                ciclo?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KitPlanDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Choca con el estado actual (duplicado, o el evento no se permite ahora). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Datos no válidos: `errors` nombra cada campo con su motivo. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    InitialKitsController_apply: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApplyInitialKitsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KitApplyResultDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Choca con el estado actual (duplicado, o el evento no se permite ahora). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Datos no válidos: `errors` nombra cada campo con su motivo. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ManualController_pdf: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description El PDF. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
        };
    };
    PrintRunsController_list: {
        parameters: {
            query?: {
                cycleCode?: string;
                holderType?: "DRSE" | "ESCUELA";
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PrintRunPageDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Datos no válidos: `errors` nombra cada campo con su motivo. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    PrintRunsController_create: {
        parameters: {
            query?: never;
            header: {
                "idempotency-key": string;
                /** @description Clave única del cliente (1–200 caracteres). Un reintento con la misma clave devuelve la primera respuesta. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePrintRunDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PrintRunDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No existe, o está fuera de su ámbito (escuela o DRSE). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description Choca con el estado actual (duplicado, o el evento no se permite ahora).
             *
             *     Choca con el estado actual (duplicado, o el evento no se permite ahora).
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description Datos no válidos: `errors` nombra cada campo con su motivo.
             *
             *     Datos no válidos: `errors` nombra cada campo con su motivo.
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    PrintRunsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PrintRunDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No existe, o está fuera de su ámbito (escuela o DRSE). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Datos no válidos: `errors` nombra cada campo con su motivo. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    PrintRunsController_pdf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description El PDF. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No existe, o está fuera de su ámbito (escuela o DRSE). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Datos no válidos: `errors` nombra cada campo con su motivo. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    PrintRunsController_preview: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PreviewPrintRunDto"];
            };
        };
        responses: {
            /** @description El PDF de muestra. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No existe, o está fuera de su ámbito (escuela o DRSE). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Datos no válidos: `errors` nombra cada campo con su motivo. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    DiagramsController_diagram: {
        parameters: {
            query?: {
                /** @description Versión del diagrama; la vigente si se omite. */
                version?: number;
            };
            header?: never;
            path: {
                procedure: "PROCEDURE_1" | "PROCEDURE_2" | "SUPPLY" | "REPLACEMENT" | "SUPPORT";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DiagramDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No existe, o está fuera de su ámbito (escuela o DRSE). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Datos no válidos: `errors` nombra cada campo con su motivo. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ReplacementsController_list: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                schoolId?: number;
                /** @description PENDIENTE: pagada, espera la siguiente corrida de quien imprime; EMITIDA: ya tiene folio nuevo. Sin filtro: todas. */
                status?: "PENDIENTE" | "EMITIDA";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReplacementPageDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Datos no válidos: `errors` nombra cada campo con su motivo. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ReplacementsController_record: {
        parameters: {
            query?: never;
            header?: {
                /** @description Clave única del cliente (1–200 caracteres). Un reintento con la misma clave devuelve la primera respuesta. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordReplacementDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReplacementDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No existe, o está fuera de su ámbito (escuela o DRSE). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description Choca con el estado actual (duplicado, o el evento no se permite ahora).
             *
             *     Choca con el estado actual (duplicado, o el evento no se permite ahora).
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description Datos no válidos: `errors` nombra cada campo con su motivo.
             *
             *     Datos no válidos: `errors` nombra cada campo con su motivo.
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Error. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ReplacementsController_reports: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                schoolId?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CardReportPageDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Datos no válidos: `errors` nombra cada campo con su motivo. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ReplacementsController_report: {
        parameters: {
            query?: never;
            header: {
                "idempotency-key": string;
                /** @description Clave única del cliente (1–200 caracteres). Un reintento con la misma clave devuelve la primera respuesta. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReportCardDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CardReportDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No existe, o está fuera de su ámbito (escuela o DRSE). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description Choca con el estado actual (duplicado, o el evento no se permite ahora).
             *
             *     Choca con el estado actual (duplicado, o el evento no se permite ahora).
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description Datos no válidos: `errors` nombra cada campo con su motivo.
             *
             *     Datos no válidos: `errors` nombra cada campo con su motivo.
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CoverageController_summary: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CoverageSummaryDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Choca con el estado actual (duplicado, o el evento no se permite ahora). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CoverageController_summaryCsv: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description CSV en UTF-8. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Choca con el estado actual (duplicado, o el evento no se permite ahora). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CoverageController_drse: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DrseCoverageDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No existe, o está fuera de su ámbito (escuela o DRSE). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Choca con el estado actual (duplicado, o el evento no se permite ahora). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CoverageController_drseCsv: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description CSV en UTF-8. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No existe, o está fuera de su ámbito (escuela o DRSE). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Choca con el estado actual (duplicado, o el evento no se permite ahora). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CoverageController_school: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SchoolCoverageDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No existe, o está fuera de su ámbito (escuela o DRSE). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Choca con el estado actual (duplicado, o el evento no se permite ahora). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Datos no válidos: `errors` nombra cada campo con su motivo. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    RequestsController_list: {
        parameters: {
            query?: {
                /** @description Paginación por cursor: la página que sigue a este cursor (el `nextCursor` de la página anterior, con los mismos filtros); `page` se ignora. */
                cursor?: string;
                estado?: "EN_REVISION_PLANEACION" | "DEVUELTA_A_ESCUELA" | "EN_VALIDACION" | "PREPARANDO_MATERIAL" | "ESPERANDO_MATERIAL" | "EN_PRODUCCION" | "LISTA_PARA_ENTREGA" | "ENTREGADA" | "RECHAZADA" | "RETIRADA" | "ESPERANDO_PAGO" | "EN_REVISION_CENTRAL" | "EN_SURTIDO" | "EN_RECEPCION" | "SURTIDA" | "CANCELADA" | "CON_INCIDENTE" | "ESPERANDO_EXISTENCIAS" | "EN_CANCELACION" | "ESPERANDO_ACUSE" | "RECIBIDO" | "EN_ATENCION_DRSE" | "EN_ATENCION_DGTI" | "EN_ATENCION_CENTRAL" | "RESUELTO" | "CERRADO";
                page?: number;
                pageSize?: number;
                procedimiento?: "PROCEDURE_1" | "PROCEDURE_2" | "SUPPLY" | "REPLACEMENT" | "SUPPORT";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RequestPageDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Datos no válidos: `errors` nombra cada campo con su motivo. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    RequestsController_file: {
        parameters: {
            query?: never;
            header?: {
                /** @description Clave única del cliente (1–200 caracteres). Un reintento con la misma clave devuelve la primera respuesta. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** @description JSON: PROCEDURE_1 {nuevos, continuan}, PROCEDURE_2 {material, justificacion} o REPLACEMENT {alumno, recibo, motivo}. */
                    datos?: string;
                    /**
                     * Format: binary
                     * @description PDF (se comprueba por su contenido); máximo 10 MB.
                     */
                    oficio?: string;
                };
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FiledRequestDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No existe, o está fuera de su ámbito (escuela o DRSE). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description Choca con el estado actual (duplicado, o el evento no se permite ahora).
             *
             *     Choca con el estado actual (duplicado, o el evento no se permite ahora).
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description El archivo excede el tamaño máximo. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Error. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description Datos no válidos: `errors` nombra cada campo con su motivo.
             *
             *     Datos no válidos: `errors` nombra cada campo con su motivo.
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Error. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    RequestsController_detail: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RequestDetailDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No existe, o está fuera de su ámbito (escuela o DRSE). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Datos no válidos: `errors` nombra cada campo con su motivo. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    RequestsController_decide: {
        parameters: {
            query?: never;
            header?: {
                /** @description Clave única del cliente (1–200 caracteres). Un reintento con la misma clave devuelve la primera respuesta. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DecisionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DecisionResultDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No existe, o está fuera de su ámbito (escuela o DRSE). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description Choca con el estado actual (duplicado, o el evento no se permite ahora).
             *
             *     Choca con el estado actual (duplicado, o el evento no se permite ahora).
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description Datos no válidos: `errors` nombra cada campo con su motivo.
             *
             *     Datos no válidos: `errors` nombra cada campo con su motivo.
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Error. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    RequestsController_replaceMaterial: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MaterialCorrectionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RequestDetailDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No existe, o está fuera de su ámbito (escuela o DRSE). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Choca con el estado actual (duplicado, o el evento no se permite ahora). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Datos no válidos: `errors` nombra cada campo con su motivo. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    RequestsController_oficio: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description PDF */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No existe, o está fuera de su ámbito (escuela o DRSE). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Datos no válidos: `errors` nombra cada campo con su motivo. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    RequestsController_replaceOficio: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description PDF (se comprueba por su contenido); máximo 10 MB.
                     */
                    oficio: string;
                };
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RequestDetailDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No existe, o está fuera de su ámbito (escuela o DRSE). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Choca con el estado actual (duplicado, o el evento no se permite ahora). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description El archivo excede el tamaño máximo. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Error. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Datos no válidos: `errors` nombra cada campo con su motivo. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    RequestsController_signedAcuse: {
        parameters: {
            query?: never;
            header?: {
                /** @description Clave única del cliente (1–200 caracteres). Un reintento con la misma clave devuelve la primera respuesta. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description Acuse firmado y sellado escaneado: PDF, JPEG o PNG (se comprueba por su contenido); máximo 10 MB.
                     */
                    archivo: string;
                };
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DecisionResultDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description Su rol no está entre los que atiende esta operación.
             *
             *     Su rol no está entre los que atiende esta operación.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No existe, o está fuera de su ámbito (escuela o DRSE). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description Choca con el estado actual (duplicado, o el evento no se permite ahora).
             *
             *     Choca con el estado actual (duplicado, o el evento no se permite ahora).
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description El archivo excede el tamaño máximo. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Error. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description Datos no válidos: `errors` nombra cada campo con su motivo.
             *
             *     Datos no válidos: `errors` nombra cada campo con su motivo.
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Error. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    RequestsController_replaceStudents: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StudentListsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RequestDetailDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No existe, o está fuera de su ámbito (escuela o DRSE). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Choca con el estado actual (duplicado, o el evento no se permite ahora). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Datos no válidos: `errors` nombra cada campo con su motivo. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    RequestsController_withdraw: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WithdrawDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DecisionResultDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No existe, o está fuera de su ámbito (escuela o DRSE). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Choca con el estado actual (duplicado, o el evento no se permite ahora). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Datos no válidos: `errors` nombra cada campo con su motivo. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Error. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SchoolsController_list: {
        parameters: {
            query?: {
                cct?: string;
                /** @description Clave de la DRSE (sólo roles estatales la necesitan). */
                drse?: string;
                nivel?: "PRIMARIA" | "SECUNDARIA";
                page?: number;
                pageSize?: number;
                /** @description Quién imprime (R1). */
                printRoute?: "DRSE" | "ESCUELA";
                /** @description Texto a buscar en el nombre. */
                q?: string;
                turno?: "MATUTINO" | "VESPERTINO" | "NOCTURNO" | "DISCONTINUO" | "CONTINUO";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SchoolPageDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Datos no válidos: `errors` nombra cada campo con su motivo. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SchoolsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SchoolDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No existe, o está fuera de su ámbito (escuela o DRSE). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Datos no válidos: `errors` nombra cada campo con su motivo. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SchoolsController_edit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateSchoolDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SchoolEditResultDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description Su rol no está entre los que atiende esta operación.
             *
             *     Su rol no está entre los que atiende esta operación.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No existe, o está fuera de su ámbito (escuela o DRSE). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Datos no válidos: `errors` nombra cada campo con su motivo. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SchoolsController_changes: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SchoolChangeListDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No existe, o está fuera de su ámbito (escuela o DRSE). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Datos no válidos: `errors` nombra cada campo con su motivo. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CyclesController_confirmHolograms: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HologramConfirmationDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HologramConfirmationResultDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No existe, o está fuera de su ámbito (escuela o DRSE). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Choca con el estado actual (duplicado, o el evento no se permite ahora). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Datos no válidos: `errors` nombra cada campo con su motivo. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SchoolsController_workLog: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SchoolWorkLogDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No existe, o está fuera de su ámbito (escuela o DRSE). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Datos no válidos: `errors` nombra cada campo con su motivo. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SchoolsController_importCsv: {
        parameters: {
            query?: {
                /** @description true: importa lo correcto y reporta lo rechazado. Por omisión, si algo falla no se importa nada. */
                parcial?: boolean;
                /** @description true: sólo informa qué se crearía, cambiaría o rechazaría; no escribe nada. */
                simular?: boolean;
            };
            header?: {
                /** @description Clave única del cliente (1–200 caracteres). Un reintento con la misma clave devuelve la primera respuesta. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description CSV de texto (UTF-8 o Latin-1); máximo 5 MB.
                     */
                    archivo: string;
                };
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SchoolImportReportDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description Choca con el estado actual (duplicado, o el evento no se permite ahora).
             *
             *     Choca con el estado actual (duplicado, o el evento no se permite ahora).
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description El archivo excede el tamaño máximo. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Error. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description Datos no válidos: `errors` nombra cada campo con su motivo.
             *
             *     Datos no válidos: `errors` nombra cada campo con su motivo.
             *
             *     Datos no válidos: `errors` nombra cada campo con su motivo.
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SchoolsController_importJson: {
        parameters: {
            query?: {
                /** @description true: importa lo correcto y reporta lo rechazado. Por omisión, si algo falla no se importa nada. */
                parcial?: boolean;
                /** @description true: sólo informa qué se crearía, cambiaría o rechazaría; no escribe nada. */
                simular?: boolean;
            };
            header?: {
                /** @description Clave única del cliente (1–200 caracteres). Un reintento con la misma clave devuelve la primera respuesta. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SchoolImportJsonDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SchoolImportReportDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description Choca con el estado actual (duplicado, o el evento no se permite ahora).
             *
             *     Choca con el estado actual (duplicado, o el evento no se permite ahora).
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description Datos no válidos: `errors` nombra cada campo con su motivo.
             *
             *     Datos no válidos: `errors` nombra cada campo con su motivo.
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SecurityEventsController_list: {
        parameters: {
            query?: {
                kind?: "INICIO_DE_SESION" | "CUENTA_BLOQUEADA" | "CIERRE_GLOBAL" | "CUENTA_DESHABILITADA" | "CUENTA_HABILITADA" | "CAMBIO_DE_CONTRASENA" | "CUENTA_CREADA" | "CAMBIO_DE_ROL";
                outcome?: "EXITO" | "FALLO" | "BLOQUEADO";
                page?: number;
                pageSize?: number;
                /** @description Eventos de esta cuenta (o hechos por ella). */
                username?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SecurityEventPageDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    StudentsController_list: {
        parameters: {
            query?: {
                curp?: string;
                /** @description Sólo alumnos cuya familia declinó (true) o no (false) la credencial. */
                declined?: boolean;
                hasPhoto?: boolean;
                page?: number;
                pageSize?: number;
                primerIngreso?: boolean;
                /** @description Texto a buscar en nombres y apellidos. */
                q?: string;
                schoolId?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StudentPageDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Datos no válidos: `errors` nombra cada campo con su motivo. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    StudentsController_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description Clave única del cliente (1–200 caracteres). Un reintento con la misma clave devuelve la primera respuesta. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateStudentDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StudentDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No existe, o está fuera de su ámbito (escuela o DRSE). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description Choca con el estado actual (duplicado, o el evento no se permite ahora).
             *
             *     Choca con el estado actual (duplicado, o el evento no se permite ahora).
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description Datos no válidos: `errors` nombra cada campo con su motivo.
             *
             *     Datos no válidos: `errors` nombra cada campo con su motivo.
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    StudentsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StudentDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No existe, o está fuera de su ámbito (escuela o DRSE). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Datos no válidos: `errors` nombra cada campo con su motivo. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    StudentsController_optOut: {
        parameters: {
            query?: never;
            header?: {
                /** @description Clave única del cliente (1–200 caracteres). Un reintento con la misma clave devuelve la primera respuesta. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OptOutDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StudentDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No existe, o está fuera de su ámbito (escuela o DRSE). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Choca con el estado actual (duplicado, o el evento no se permite ahora). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description Datos no válidos: `errors` nombra cada campo con su motivo.
             *
             *     Datos no válidos: `errors` nombra cada campo con su motivo.
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    StudentsController_reverseOptOut: {
        parameters: {
            query?: never;
            header?: {
                /** @description Clave única del cliente (1–200 caracteres). Un reintento con la misma clave devuelve la primera respuesta. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OptOutReversalDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StudentDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No existe, o está fuera de su ámbito (escuela o DRSE). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description Choca con el estado actual (duplicado, o el evento no se permite ahora).
             *
             *     Choca con el estado actual (duplicado, o el evento no se permite ahora).
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description Datos no válidos: `errors` nombra cada campo con su motivo.
             *
             *     Datos no válidos: `errors` nombra cada campo con su motivo.
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    StudentsController_photo: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description La imagen. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/jpeg": string;
                    "image/png": string;
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No existe, o está fuera de su ámbito (escuela o DRSE). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Datos no válidos: `errors` nombra cada campo con su motivo. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    StudentsController_setPhoto: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description fotografía JPEG o PNG (contenido, tamaño y resolución); máximo 2 MB.
                     */
                    foto: string;
                };
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StudentDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No existe, o está fuera de su ámbito (escuela o DRSE). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description El archivo excede el tamaño máximo. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Error. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Datos no válidos: `errors` nombra cada campo con su motivo. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    StudentsController_importCsv: {
        parameters: {
            query?: {
                /** @description true: importa lo correcto y reporta lo rechazado. Por omisión, si algo falla no se importa nada. */
                parcial?: boolean;
                /** @description Escuela destino (roles centrales), si el CSV no trae columnas CCT y TURNO. */
                schoolId?: number;
            };
            header?: {
                /** @description Clave única del cliente (1–200 caracteres). Un reintento con la misma clave devuelve la primera respuesta. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description CSV de texto (UTF-8 o Latin-1); máximo 5 MB.
                     */
                    archivo: string;
                };
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportReportDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No existe, o está fuera de su ámbito (escuela o DRSE). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Choca con el estado actual (duplicado, o el evento no se permite ahora). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description El archivo excede el tamaño máximo. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Error. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description Datos no válidos: `errors` nombra cada campo con su motivo.
             *
             *     Datos no válidos: `errors` nombra cada campo con su motivo.
             *
             *     Datos no válidos: `errors` nombra cada campo con su motivo.
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    StudentsController_importPhotos: {
        parameters: {
            query?: {
                /** @description true: importa lo correcto y reporta lo rechazado. Por omisión, si algo falla no se importa nada. */
                parcial?: boolean;
            };
            header?: {
                /** @description Clave única del cliente (1–200 caracteres). Un reintento con la misma clave devuelve la primera respuesta. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description ZIP de fotografías nombradas por CURP; máximo 100 MB.
                     */
                    archivo: string;
                };
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PhotoZipReportDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Choca con el estado actual (duplicado, o el evento no se permite ahora). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description El archivo excede el tamaño máximo. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Error. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description Datos no válidos: `errors` nombra cada campo con su motivo.
             *
             *     Datos no válidos: `errors` nombra cada campo con su motivo.
             *
             *     Datos no válidos: `errors` nombra cada campo con su motivo.
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SupplyTicketsController_list: {
        parameters: {
            query?: {
                /** @description Solo roles estatales; una DRSE ve siempre los suyos. */
                drseCode?: string;
                page?: number;
                pageSize?: number;
                status?: "OPEN" | "UNDER_REVIEW" | "APPROVED" | "REJECTED" | "IN_FULFILLMENT" | "FULFILLED" | "CLOSED" | "CANCELLED";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyTicketPageDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Datos no válidos: `errors` nombra cada campo con su motivo. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SupplyTicketsController_open: {
        parameters: {
            query?: never;
            header: {
                "idempotency-key": string;
                /** @description Clave única del cliente (1–200 caracteres). Un reintento con la misma clave devuelve la primera respuesta. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OpenSupplyTicketDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyTicketDetailDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No existe, o está fuera de su ámbito (escuela o DRSE). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Choca con el estado actual (duplicado, o el evento no se permite ahora). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description Datos no válidos: `errors` nombra cada campo con su motivo.
             *
             *     Datos no válidos: `errors` nombra cada campo con su motivo.
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SupplyTicketsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyTicketDetailDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No existe, o está fuera de su ámbito (escuela o DRSE). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Datos no válidos: `errors` nombra cada campo con su motivo. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SupplyTicketsController_approve: {
        parameters: {
            query?: never;
            header: {
                "idempotency-key": string;
                /** @description Clave única del cliente (1–200 caracteres). Un reintento con la misma clave devuelve la primera respuesta. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApproveSupplyTicketDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyTicketDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No existe, o está fuera de su ámbito (escuela o DRSE). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description Choca con el estado actual (duplicado, o el evento no se permite ahora).
             *
             *     Choca con el estado actual (duplicado, o el evento no se permite ahora).
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description Datos no válidos: `errors` nombra cada campo con su motivo.
             *
             *     Datos no válidos: `errors` nombra cada campo con su motivo.
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SupplyTicketsController_cancel: {
        parameters: {
            query?: never;
            header: {
                "idempotency-key": string;
                /** @description Clave única del cliente (1–200 caracteres). Un reintento con la misma clave devuelve la primera respuesta. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReasonDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyTicketDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No existe, o está fuera de su ámbito (escuela o DRSE). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description Choca con el estado actual (duplicado, o el evento no se permite ahora).
             *
             *     Choca con el estado actual (duplicado, o el evento no se permite ahora).
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description Datos no válidos: `errors` nombra cada campo con su motivo.
             *
             *     Datos no válidos: `errors` nombra cada campo con su motivo.
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SupplyTicketsController_reject: {
        parameters: {
            query?: never;
            header: {
                "idempotency-key": string;
                /** @description Clave única del cliente (1–200 caracteres). Un reintento con la misma clave devuelve la primera respuesta. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReasonDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyTicketDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No existe, o está fuera de su ámbito (escuela o DRSE). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description Choca con el estado actual (duplicado, o el evento no se permite ahora).
             *
             *     Choca con el estado actual (duplicado, o el evento no se permite ahora).
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description Datos no válidos: `errors` nombra cada campo con su motivo.
             *
             *     Datos no válidos: `errors` nombra cada campo con su motivo.
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SupplyTicketsController_review: {
        parameters: {
            query?: never;
            header: {
                "idempotency-key": string;
                /** @description Clave única del cliente (1–200 caracteres). Un reintento con la misma clave devuelve la primera respuesta. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyTicketDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No existe, o está fuera de su ámbito (escuela o DRSE). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description Choca con el estado actual (duplicado, o el evento no se permite ahora).
             *
             *     Choca con el estado actual (duplicado, o el evento no se permite ahora).
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description Datos no válidos: `errors` nombra cada campo con su motivo.
             *
             *     Datos no válidos: `errors` nombra cada campo con su motivo.
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SupplyTicketsController_ship: {
        parameters: {
            query?: never;
            header: {
                "idempotency-key": string;
                /** @description Clave única del cliente (1–200 caracteres). Un reintento con la misma clave devuelve la primera respuesta. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ShipDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShipmentResultDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No existe, o está fuera de su ámbito (escuela o DRSE). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description Choca con el estado actual (duplicado, o el evento no se permite ahora).
             *
             *     Choca con el estado actual (duplicado, o el evento no se permite ahora).
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description Datos no válidos: `errors` nombra cada campo con su motivo.
             *
             *     Datos no válidos: `errors` nombra cada campo con su motivo.
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SupplyTicketsController_confirmReceipt: {
        parameters: {
            query?: never;
            header?: {
                /** @description Clave única del cliente (1–200 caracteres). Un reintento con la misma clave devuelve la primera respuesta. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: number;
                shipmentId: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ShipmentReceiptDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReceiptResultDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No existe, o está fuera de su ámbito (escuela o DRSE). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description Choca con el estado actual (duplicado, o el evento no se permite ahora).
             *
             *     Choca con el estado actual (duplicado, o el evento no se permite ahora).
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description Datos no válidos: `errors` nombra cada campo con su motivo.
             *
             *     Datos no válidos: `errors` nombra cada campo con su motivo.
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SupportTicketsController_list: {
        parameters: {
            query?: {
                /** @description true: sólo los que no están cerrados. */
                abiertos?: boolean;
                estado?: "EN_REVISION_PLANEACION" | "DEVUELTA_A_ESCUELA" | "EN_VALIDACION" | "PREPARANDO_MATERIAL" | "ESPERANDO_MATERIAL" | "EN_PRODUCCION" | "LISTA_PARA_ENTREGA" | "ENTREGADA" | "RECHAZADA" | "RETIRADA" | "ESPERANDO_PAGO" | "EN_REVISION_CENTRAL" | "EN_SURTIDO" | "EN_RECEPCION" | "SURTIDA" | "CANCELADA" | "CON_INCIDENTE" | "ESPERANDO_EXISTENCIAS" | "EN_CANCELACION" | "ESPERANDO_ACUSE" | "RECIBIDO" | "EN_ATENCION_DRSE" | "EN_ATENCION_DGTI" | "EN_ATENCION_CENTRAL" | "RESUELTO" | "CERRADO";
                page?: number;
                pageSize?: number;
                tipo?: "EQUIPO" | "SISTEMA" | "DUDA";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupportTicketPageDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Datos no válidos: `errors` nombra cada campo con su motivo. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SupportTicketsController_open: {
        parameters: {
            query?: never;
            header?: {
                /** @description Clave única del cliente (1–200 caracteres). Un reintento con la misma clave devuelve la primera respuesta. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OpenSupportTicketDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenedSupportTicketDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description Su rol no está entre los que atiende esta operación.
             *
             *     Su rol no está entre los que atiende esta operación.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No existe, o está fuera de su ámbito (escuela o DRSE). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Choca con el estado actual (duplicado, o el evento no se permite ahora). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description Datos no válidos: `errors` nombra cada campo con su motivo.
             *
             *     Datos no válidos: `errors` nombra cada campo con su motivo.
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Error. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SupportTicketsController_detail: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupportTicketDetailDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No existe, o está fuera de su ámbito (escuela o DRSE). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Datos no válidos: `errors` nombra cada campo con su motivo. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SupportTicketsController_decide: {
        parameters: {
            query?: never;
            header?: {
                /** @description Clave única del cliente (1–200 caracteres). Un reintento con la misma clave devuelve la primera respuesta. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DecisionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DecisionResultDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description Su rol no está entre los que atiende esta operación.
             *
             *     Su rol no está entre los que atiende esta operación.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No existe, o está fuera de su ámbito (escuela o DRSE). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description Choca con el estado actual (duplicado, o el evento no se permite ahora).
             *
             *     Choca con el estado actual (duplicado, o el evento no se permite ahora).
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description Datos no válidos: `errors` nombra cada campo con su motivo.
             *
             *     Datos no válidos: `errors` nombra cada campo con su motivo.
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Error. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SupportContactsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupportContactsDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SupportContactsController_set: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                drseCode: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetSupportContactsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OfficeContactsDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No existe, o está fuera de su ámbito (escuela o DRSE). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Datos no válidos: `errors` nombra cada campo con su motivo. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    TemporalCodecController_decode: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CodecBodyDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    TemporalCodecController_encode: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CodecBodyDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    UsersController_list: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserPageDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    UsersController_disable: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No existe, o está fuera de su ámbito (escuela o DRSE). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Datos no válidos: `errors` nombra cada campo con su motivo. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    UsersController_enable: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            /** @description Sin sesión, o token no válido, expirado o de una sesión cerrada. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Su rol no está entre los que atiende esta operación. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No existe, o está fuera de su ámbito (escuela o DRSE). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    "VerificationController_verify[1]": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Contenido firmado del QR: forma compacta (solo dígitos) o de texto (KID.NUMERO.CCTT.CICLO.FIRMA). */
                payload: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Resultado de la verificación (JSON, o una página HTML si el navegador la pide). Nunca datos del alumno. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VerificationResultDto"];
                    "text/html": components["schemas"]["VerificationResultDto"];
                };
            };
        };
    };
    "VerificationController_verify[0]": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Contenido firmado del QR: forma compacta (solo dígitos) o de texto (KID.NUMERO.CCTT.CICLO.FIRMA). */
                payload: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Resultado de la verificación (JSON, o una página HTML si el navegador la pide). Nunca datos del alumno. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VerificationResultDto"];
                    "text/html": components["schemas"]["VerificationResultDto"];
                };
            };
        };
    };
    VerificationController_keys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Lista de claves por identificador (kid). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublishedKeyDto"][];
                };
            };
        };
    };
}
