package fr.aam.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The web page of prebuilt queries (templates/index.html); its script reads the catalogue from the API. */
@Controller
public class HomeController {

    @GetMapping("/")
    public String home() { return "index"; }
}
