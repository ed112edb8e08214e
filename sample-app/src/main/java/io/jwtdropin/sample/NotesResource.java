package io.jwtdropin.sample;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A state-changing endpoint (the kind CSRF targets): each user's notes, kept in memory. */
@Path("/notes")
@ApplicationScoped
public class NotesResource {

    record Note(String owner, String text) {
    }

    private final List<Note> notes = new CopyOnWriteArrayList<>();

    @GET
    @RolesAllowed("user")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonArray list(@Context SecurityContext security) {
        String owner = security.getUserPrincipal().getName();
        return Json.createArrayBuilder(notes.stream().filter(n -> n.owner().equals(owner)).map(Note::text).toList())
                .build();
    }

    @POST
    @RolesAllowed("user")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(@FormParam("text") String text, @Context SecurityContext security) {
        notes.add(new Note(security.getUserPrincipal().getName(), text == null ? "" : text));
        return Response.status(Response.Status.CREATED).build();
    }
}
